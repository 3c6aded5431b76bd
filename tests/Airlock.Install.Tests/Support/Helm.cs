using Airlock.Testing;

namespace Airlock.Install.Tests.Support;

/// <summary>The real helm (v4): $HELM, else .tools/helm as scripts/install-helm puts it.</summary>
public static class Helm
{
    public static string ChartPath => Path.Combine(TestPaths.RepositoryRoot, "charts", "airlock");

    public static string Binary
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("HELM") is { Length: > 0 } env ? env : Path.Combine(TestPaths.RepositoryRoot, ".tools", "helm");
            if (!File.Exists(path)) Assert.Fail($"helm not found at {path}: run scripts/install-helm (or set HELM to a helm v4 binary)");
            return path;
        }
    }

    public static ToolResult Run(params string[] args) => Tool.Run(Binary, args);

    /// <summary><c>helm template airlock charts/airlock -n airlock-system</c> with the given values files and --set pairs.</summary>
    public static ToolResult Template(IEnumerable<string>? valuesFiles = null, IEnumerable<string>? sets = null)
    {
        var args = new List<string> { "template", "airlock", ChartPath, "--namespace", "airlock-system", "--kube-version", "1.32.0" };
        foreach (var file in valuesFiles ?? []) args.AddRange(["--values", file]);
        foreach (var set in sets ?? []) args.AddRange(["--set", set]);
        return Tool.Run(Binary, args);
    }

    /// <summary>The rendered documents of a successful template run.</summary>
    public static IReadOnlyList<Manifest> Render(IEnumerable<string>? valuesFiles = null, IEnumerable<string>? sets = null) =>
        Manifest.ParseAll(Template(valuesFiles, sets).EnsureSuccess().Stdout);
}
