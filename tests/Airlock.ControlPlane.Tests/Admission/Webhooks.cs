using System.Text;
using System.Text.Json.Nodes;
using Airlock.ControlPlane.Admission;
using Airlock.ControlPlane.Auth;
using Airlock.ControlPlane.Resources;

namespace Airlock.ControlPlane.Tests.Admission;

/// <summary>Builders for webhook configurations and admission requests in tests.</summary>
internal static class Webhooks
{
    public static JsonObject Configuration(string name, params JsonObject[] webhooks) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = name },
        ["webhooks"] = new JsonArray(webhooks.Select(w => (JsonNode?)w).ToArray()),
    };

    public static JsonObject Hook(string name, string url, string caPem, JsonArray? rules = null, string? failurePolicy = null,
        int? timeoutSeconds = null, JsonObject? namespaceSelector = null, JsonObject? objectSelector = null)
    {
        var hook = new JsonObject
        {
            ["name"] = name,
            ["clientConfig"] = new JsonObject { ["url"] = url, ["caBundle"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(caPem)) },
            ["rules"] = rules ?? PodRules(),
            ["sideEffects"] = "None",
            ["admissionReviewVersions"] = new JsonArray("v1"),
        };
        if (failurePolicy is not null) hook["failurePolicy"] = failurePolicy;
        if (timeoutSeconds is not null) hook["timeoutSeconds"] = timeoutSeconds;
        if (namespaceSelector is not null) hook["namespaceSelector"] = namespaceSelector;
        if (objectSelector is not null) hook["objectSelector"] = objectSelector;
        return hook;
    }

    public static JsonArray PodRules(string operation = "CREATE", string resource = "pods") =>
    [
        new JsonObject
        {
            ["operations"] = new JsonArray(operation),
            ["apiGroups"] = new JsonArray(""),
            ["apiVersions"] = new JsonArray("v1"),
            ["resources"] = new JsonArray(resource),
        },
    ];

    public static JsonObject MatchLabels(string key, string value) =>
        new() { ["matchLabels"] = new JsonObject { [key] = value } };

    public static JsonObject Pod(string name = "agent", string ns = "team-a", string? labelKey = null, string? labelValue = null)
    {
        var metadata = new JsonObject { ["name"] = name, ["namespace"] = ns };
        if (labelKey is not null) metadata["labels"] = new JsonObject { [labelKey] = labelValue };
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = metadata,
            ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "main", ["image"] = "busybox" }) },
        };
    }

    public static JsonObject Namespace(string name, string? labelKey = null, string? labelValue = null)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (labelKey is not null) metadata["labels"] = new JsonObject { [labelKey] = labelValue };
        return new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = metadata };
    }

    public static readonly UserInfo Alice = new("alice", ["devs", "system:authenticated"], "uid-alice")
    {
        Extra = new Dictionary<string, IReadOnlyList<string>> { ["scopes.example.com"] = ["read"] },
    };

    public static AdmissionAttributes CreatePod(JsonObject? pod = null, bool dryRun = false)
    {
        pod ??= Pod();
        return new AdmissionAttributes("CREATE", BuiltinResources.Pods, "", (string?)pod["metadata"]!["namespace"],
            (string)pod["metadata"]!["name"]!, pod, null, Alice, dryRun);
    }
}
