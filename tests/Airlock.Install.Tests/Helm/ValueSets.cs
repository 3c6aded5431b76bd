using System.Collections.Concurrent;
using Airlock.Install.Tests.Support;

namespace Airlock.Install.Tests.Helm;

/// <summary>The value sets the chart is rendered with: testassets/helm/&lt;name&gt;.values.yaml → &lt;name&gt;.golden.yaml.</summary>
public static class ValueSets
{
    public static readonly string[] Names = ["default", "ha", "cert-manager", "operator-certs", "minimal"];

    public static string ValuesFile(string name) => Golden.RepoPath($"tests/Airlock.Install.Tests/testassets/helm/{name}.values.yaml");

    public static string GoldenFile(string name) => $"tests/Airlock.Install.Tests/testassets/helm/{name}.golden.yaml";

    private static readonly ConcurrentDictionary<string, IReadOnlyList<Manifest>> Rendered = new();

    /// <summary>The rendered chart for a value set, rendered once per test run (so generated certificates agree).</summary>
    public static IReadOnlyList<Manifest> Render(string name) => Rendered.GetOrAdd(name, n => Support.Helm.Render([ValuesFile(n)]));
}
