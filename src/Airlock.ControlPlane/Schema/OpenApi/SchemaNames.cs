using System.Text.RegularExpressions;

namespace Airlock.ControlPlane.Schema.OpenApi;

/// <summary>
/// Component names as the API server publishes them: <c>io.k8s.api.core.v1.ConfigMap</c>,
/// <c>io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta</c>, and for custom resources the reversed group
/// (<c>dev.airlock.agents.v1alpha1.AgentTask</c>).
/// </summary>
public static partial class SchemaNames
{
    public const string RefPrefix = "#/components/schemas/";

    public const string MetaPackage = "io.k8s.apimachinery.pkg.apis.meta.v1";

    public const string ObjectMeta = MetaPackage + ".ObjectMeta";

    public const string ListMeta = MetaPackage + ".ListMeta";

    public const string Status = MetaPackage + ".Status";

    public const string Patch = MetaPackage + ".Patch";

    public const string DeleteOptions = MetaPackage + ".DeleteOptions";

    public const string IntOrString = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";

    public const string Quantity = "io.k8s.apimachinery.pkg.api.resource.Quantity";

    // Types that live in apimachinery's meta/v1 package whatever kind refers to them.
    private static readonly HashSet<string> MetaTypes = new(StringComparer.Ordinal)
    {
        "ObjectMeta", "ListMeta", "LabelSelector", "LabelSelectorRequirement", "ManagedFieldsEntry", "OwnerReference",
        "Status", "StatusDetails", "StatusCause", "Condition", "DeleteOptions", "Preconditions", "APIResource",
        "APIResourceList", "APIGroup", "APIGroupList", "APIVersions", "GroupVersionForDiscovery",
        "ServerAddressByClientCIDR", "WatchEvent", "Patch", "FieldsV1", "Time", "MicroTime",
    };

    /// <summary>The Go package prefix of a built-in group-version (<c>io.k8s.api.rbac.v1</c>).</summary>
    public static string BuiltinPackage(string group, string version) => group switch
    {
        "" => $"io.k8s.api.core.{version}",
        "apiextensions.k8s.io" => $"io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.{version}",
        "apiregistration.k8s.io" => $"io.k8s.kube-aggregator.pkg.apis.apiregistration.{version}",
        _ => $"io.k8s.api.{group.Split('.')[0]}.{version}",
    };

    /// <summary>The reversed-group package of a custom resource (<c>dev.airlock.agents.v1alpha1</c>).</summary>
    public static string CustomPackage(string group, string version) =>
        string.Join('.', group.Split('.').Reverse()) + "." + version;

    /// <summary>The short type name of a KubernetesClient model (<c>V1Container</c> → <c>Container</c>, <c>Corev1Event</c> → <c>Event</c>).</summary>
    public static string ShortName(Type clrType)
    {
        var name = clrType.Name;
        var match = VersionPrefix().Match(name);
        return match.Success ? name[match.Length..] : name;
    }

    /// <summary>The package a model type belongs to: meta types go to apimachinery, others to the package of whoever refers to them.</summary>
    public static string PackageFor(Type clrType, string referringPackage)
    {
        var shortName = ShortName(clrType);
        if (MetaTypes.Contains(shortName) && VersionPrefix().Match(clrType.Name).Value == "V1")
        {
            return MetaPackage;
        }
        var grouped = GroupedPrefix().Match(clrType.Name);
        if (grouped.Success)
        {
            // Corev1Event → io.k8s.api.core.v1, Eventsv1Event → io.k8s.api.events.v1
            var group = grouped.Groups["group"].Value.ToLowerInvariant();
            var version = grouped.Groups["version"].Value;
            return group == "core" ? $"io.k8s.api.core.{version}" : $"io.k8s.api.{group}.{version}";
        }
        return referringPackage;
    }

    public static string Ref(string componentName) => RefPrefix + componentName;

    [GeneratedRegex("^(V\\d+(alpha\\d+|beta\\d+)?|[A-Z][a-z]+v\\d+(alpha\\d+|beta\\d+)?)(?=[A-Z])")]
    private static partial Regex VersionPrefix();

    [GeneratedRegex("^(?<group>[A-Z][a-z]+)(?<version>v\\d+(alpha\\d+|beta\\d+)?)(?=[A-Z])")]
    private static partial Regex GroupedPrefix();
}
