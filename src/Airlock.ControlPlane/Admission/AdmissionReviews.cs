using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Admission;

/// <summary>Builds admission.k8s.io/v1 AdmissionReview requests and checks the responses, as the API server does.</summary>
public static class AdmissionReviews
{
    public const string ApiVersion = "admission.k8s.io/v1";

    public static JsonObject Request(AdmissionAttributes attributes, string uid)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var type = attributes.Type;
        var kind = KindOf(attributes);
        var resource = new JsonObject { ["group"] = type.Group, ["version"] = type.Version, ["resource"] = type.Resource };
        var request = new JsonObject
        {
            ["uid"] = uid,
            ["kind"] = kind,
            ["resource"] = resource,
            ["requestKind"] = kind.DeepClone(),
            ["requestResource"] = resource.DeepClone(),
            ["name"] = attributes.Name,
            ["operation"] = attributes.Operation,
            ["userInfo"] = UserInfo(attributes),
            ["object"] = attributes.Object?.DeepClone(),
            ["oldObject"] = attributes.OldObject?.DeepClone(),
            ["dryRun"] = attributes.DryRun,
            ["options"] = attributes.Options?.DeepClone() ?? DefaultOptions(attributes.Operation),
        };
        if (!string.IsNullOrEmpty(attributes.Subresource))
        {
            request["subResource"] = attributes.Subresource;
            request["requestSubResource"] = attributes.Subresource;
        }
        if (!string.IsNullOrEmpty(attributes.Namespace)) request["namespace"] = attributes.Namespace;
        return new JsonObject { ["apiVersion"] = ApiVersion, ["kind"] = "AdmissionReview", ["request"] = request };
    }

    /// <summary>Validates and reads a response body.</summary>
    /// <exception cref="WebhookCallException">The body is not a v1 AdmissionReview answering this request.</exception>
    public static WebhookResponse Response(JsonNode? body, string expectedUid, bool mutating)
    {
        if (body is not JsonObject review) throw Invalid("expected an AdmissionReview object");
        if ((string?)review["apiVersion"] != ApiVersion || (string?)review["kind"] != "AdmissionReview")
        {
            throw Invalid($"expected webhook response of admission.k8s.io/v1, Kind=AdmissionReview, got {(string?)review["apiVersion"]}, Kind={(string?)review["kind"]}");
        }
        if (review["response"] is not JsonObject response) throw Invalid("response was absent");
        var uid = (string?)response["uid"];
        if (uid != expectedUid) throw Invalid($"expected response.uid=\"{expectedUid}\", got \"{uid}\"");
        var allowed = response["allowed"] is JsonValue a && a.TryGetValue<bool>(out var isAllowed) && isAllowed;

        byte[]? patch = null;
        if (response["patch"] is JsonValue p && p.TryGetValue<string>(out var encoded) && encoded.Length > 0)
        {
            if (!mutating) throw Invalid("validating webhook may not return response.patch");
            var patchType = (string?)response["patchType"];
            if (patchType is null) throw Invalid("webhook returned response.patch but not response.patchType");
            if (patchType != "JSONPatch") throw Invalid($"webhook returned invalid response.patchType of \"{patchType}\"");
            try
            {
                patch = Convert.FromBase64String(encoded);
            }
            catch (FormatException)
            {
                throw Invalid("response.patch is not valid base64");
            }
        }
        var warnings = (response["warnings"] as JsonArray)?.Select(w => (string?)w).OfType<string>().ToList() ?? [];
        return new WebhookResponse(allowed, response["status"] as JsonObject, patch, warnings);
    }

    private static WebhookCallException Invalid(string why) => new("received invalid webhook response: " + why);

    private static JsonObject KindOf(AdmissionAttributes attributes)
    {
        var type = attributes.Type;
        var (group, version, kind) = attributes.Subresource switch
        {
            "binding" when type.Resource == "pods" => ("", "v1", "Binding"),
            "eviction" when type.Resource == "pods" => ("policy", "v1", "Eviction"),
            "token" when type.Resource == "serviceaccounts" => ("authentication.k8s.io", "v1", "TokenRequest"),
            "scale" => ("autoscaling", "v1", "Scale"),
            _ => (type.Group, type.Version, type.Kind),
        };
        return new JsonObject { ["group"] = group, ["version"] = version, ["kind"] = kind };
    }

    private static JsonObject UserInfo(AdmissionAttributes attributes)
    {
        var user = attributes.User;
        var info = new JsonObject
        {
            ["username"] = user.Name,
            ["groups"] = new JsonArray(user.Groups.Select(g => (JsonNode?)g).ToArray()),
        };
        if (!string.IsNullOrEmpty(user.Uid)) info["uid"] = user.Uid;
        if (user.Extra.Count > 0)
        {
            var extra = new JsonObject();
            foreach (var (key, values) in user.Extra) extra[key] = new JsonArray(values.Select(v => (JsonNode?)v).ToArray());
            info["extra"] = extra;
        }
        return info;
    }

    private static JsonObject? DefaultOptions(string operation) => operation switch
    {
        "CREATE" => new JsonObject { ["apiVersion"] = "meta.k8s.io/v1", ["kind"] = "CreateOptions" },
        "UPDATE" => new JsonObject { ["apiVersion"] = "meta.k8s.io/v1", ["kind"] = "UpdateOptions" },
        "DELETE" => new JsonObject { ["apiVersion"] = "meta.k8s.io/v1", ["kind"] = "DeleteOptions" },
        _ => null,
    };
}
