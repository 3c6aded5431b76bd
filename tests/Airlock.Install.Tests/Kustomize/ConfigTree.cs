using System.Text;
using System.Text.RegularExpressions;
using Airlock.Install.Tests.Support;
using Airlock.Testing;

namespace Airlock.Install.Tests.Kustomize;

/// <summary>
/// Writes config/ (kubebuilder shape) from the Helm chart, so the two install paths cannot drift: every rendered
/// document goes to the folder its kind belongs in, with Helm's own labels replaced; crd/bases copies crds/.
/// </summary>
public static partial class ConfigTree
{
    public const string Header = "# Generated from charts/airlock with config/chart-values.yaml by tests/Airlock.Install.Tests (UPDATE_GOLDEN=1).\n# Edit the chart, not this file.\n";

    /// <summary>The folders this generator owns entirely (every file in them is generated).</summary>
    public static readonly string[] Folders = ["crd", "rbac", "manager", "webhook", "certmanager", "network-policy", "prometheus/monitor"];

    /// <summary>Repository-relative path → content of every generated file.</summary>
    public static IReadOnlyDictionary<string, string> Generate()
    {
        var rendered = Support.Helm.Template([Golden.RepoPath("config/chart-values.yaml")]).EnsureSuccess().Stdout;
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var doc in SplitDocuments(rendered))
        {
            var manifest = Manifest.ParseAll(doc).Single();
            if (FolderOf(manifest) is not { } folder) continue;
            files[$"config/{folder}/{manifest.Kind.ToLowerInvariant()}_{manifest.Name}.yaml"] = Header + doc;
        }
        foreach (var crd in Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "crds"), "*.yaml").Order(StringComparer.Ordinal))
        {
            files[$"config/crd/bases/{Path.GetFileName(crd)}"] = File.ReadAllText(crd);
        }
        foreach (var folder in Folders)
        {
            var prefix = $"config/{folder}/";
            var resources = files.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Select(k => k[prefix.Length..]).ToList();
            var kustomization = new StringBuilder(Header).Append("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n");
            foreach (var resource in resources) kustomization.Append("  - ").Append(resource).Append('\n');
            files[prefix + "kustomization.yaml"] = kustomization.ToString();
        }
        return files;
    }

    /// <summary>Where a rendered object goes; null: not part of the kustomize install.</summary>
    private static string? FolderOf(Manifest m) => m.Kind switch
    {
        "ServiceAccount" or "ClusterRole" or "ClusterRoleBinding" or "Role" or "RoleBinding" => "rbac",
        "Service" when m.Name == "airlock-webhook" => "webhook",
        "MutatingWebhookConfiguration" or "ValidatingWebhookConfiguration" => "webhook",
        "Issuer" or "Certificate" => "certmanager",
        "NetworkPolicy" => "network-policy",
        "Deployment" or "Service" or "PodDisruptionBudget" or "PersistentVolumeClaim" or "HorizontalPodAutoscaler" => "manager",
        "ServiceMonitor" or "PrometheusRule" => "prometheus/monitor",
        _ => null,
    };

    /// <summary>Helm's documents without the Source comments, with the labels Helm sets replaced by kustomize's.</summary>
    private static IEnumerable<string> SplitDocuments(string rendered)
    {
        foreach (var raw in DocumentSeparator().Split(rendered))
        {
            var lines = raw.Split('\n')
                .Where(l => !l.StartsWith("# Source:", StringComparison.Ordinal) && !HelmChartLabel().IsMatch(l))
                .Select(l => l.Replace("app.kubernetes.io/managed-by: Helm", "app.kubernetes.io/managed-by: kustomize", StringComparison.Ordinal));
            var doc = string.Join('\n', lines).Trim('\n');
            if (doc.Length > 0) yield return doc + "\n";
        }
    }

    [GeneratedRegex(@"^---\s*$", RegexOptions.Multiline)]
    private static partial Regex DocumentSeparator();

    [GeneratedRegex(@"^\s*helm\.sh/chart:")]
    private static partial Regex HelmChartLabel();
}
