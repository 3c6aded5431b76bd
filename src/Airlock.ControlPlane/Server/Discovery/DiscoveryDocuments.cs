using System.Text.Json.Nodes;
using Airlock.ControlPlane.Resources;

namespace Airlock.ControlPlane.Server.Discovery;

/// <summary>The legacy (unaggregated) discovery documents: APIVersions, APIGroupList, APIGroup and APIResourceList.</summary>
public static class DiscoveryDocuments
{
    public static JsonObject ApiVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    public static JsonObject GroupList(ResourceRegistry registry) => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray(registry.Groups().Select(g => (JsonNode)Group(g.Group, g.Versions)).ToArray()),
    };

    public static JsonObject? Group(ResourceRegistry registry, string group)
    {
        var found = registry.Groups().FirstOrDefault(g => g.Group == group);
        return found.Group is null ? null : Group(found.Group, found.Versions);
    }

    private static JsonObject Group(string group, IReadOnlyList<string> versions)
    {
        JsonObject Version(string v) => new() { ["groupVersion"] = $"{group}/{v}", ["version"] = v };
        return new JsonObject
        {
            ["kind"] = "APIGroup",
            ["apiVersion"] = "v1",
            ["name"] = group,
            ["versions"] = new JsonArray(versions.Select(v => (JsonNode)Version(v)).ToArray()),
            ["preferredVersion"] = Version(versions[0]),
        };
    }

    /// <summary>The APIResourceList of one group-version, with subresources (<c>pods/status</c>); null when nothing is served there.</summary>
    public static JsonObject? ResourceList(ResourceRegistry registry, string group, string version)
    {
        var types = registry.All.Where(t => t.Group == group && t.Version == version).ToList();
        if (types.Count == 0) return null;
        var resources = new JsonArray();
        foreach (var type in types)
        {
            var entry = new JsonObject
            {
                ["name"] = type.Resource,
                ["singularName"] = type.Singular,
                ["namespaced"] = type.Namespaced,
                ["kind"] = type.Kind,
                ["verbs"] = Strings(type.Verbs),
            };
            if (type.ShortNames.Count > 0) entry["shortNames"] = Strings(type.ShortNames);
            if (type.Categories.Count > 0) entry["categories"] = Strings(type.Categories);
            resources.Add(entry);
            foreach (var sub in type.Subresources)
            {
                var (kind, subGroup, subVersion, verbs) = Subresource(type, sub);
                var subEntry = new JsonObject
                {
                    ["name"] = $"{type.Resource}/{sub}",
                    ["singularName"] = "",
                    ["namespaced"] = type.Namespaced,
                    ["kind"] = kind,
                    ["verbs"] = Strings(verbs),
                };
                if (subGroup is not null) subEntry["group"] = subGroup;
                if (subVersion is not null) subEntry["version"] = subVersion;
                resources.Add(subEntry);
            }
        }
        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = types[0].ApiVersion,
            ["resources"] = resources,
        };
    }

    private static (string Kind, string? Group, string? Version, string[] Verbs) Subresource(ResourceType type, string sub) => sub switch
    {
        "status" => (type.Kind, null, null, ["get", "patch", "update"]),
        "binding" => ("Binding", null, null, ["create"]),
        "eviction" => ("Eviction", "policy", "v1", ["create"]),
        "token" => ("TokenRequest", "authentication.k8s.io", "v1", ["create"]),
        "finalize" => (type.Kind, null, null, ["update"]),
        "scale" => ("Scale", "autoscaling", "v1", ["get", "patch", "update"]),
        _ => (type.Kind, null, null, ["get"]),
    };

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    /// <summary><c>GET /version</c>: the Kubernetes version this server imitates (1.32).</summary>
    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = "v1.32.0-airlock",
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2025-01-01T00:00:00Z",
        ["goVersion"] = "go1.23.0",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };
}
