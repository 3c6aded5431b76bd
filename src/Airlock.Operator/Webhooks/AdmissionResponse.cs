using System.Text;
using System.Text.Json.Nodes;

namespace Airlock.Operator.Webhooks;

/// <summary>An admission verdict: allowed (with an optional JSON patch and warnings) or denied with a code and a message.</summary>
public sealed record AdmissionResponse(bool Allowed, int Code, string Reason, string Message, JsonArray? Patch, IReadOnlyList<string> Warnings)
{
    public static AdmissionResponse Allow(JsonArray? patch = null, IReadOnlyList<string>? warnings = null) =>
        new(true, 200, "", "", patch is { Count: > 0 } ? patch : null, warnings ?? []);

    /// <summary>422 Invalid: the object breaks a rule (validation problems).</summary>
    public static AdmissionResponse Invalid(string message) => new(false, 422, "Invalid", message, null, []);

    /// <summary>403 Forbidden: the requesting user may not make this change.</summary>
    public static AdmissionResponse Forbidden(string message) => new(false, 403, "Forbidden", message, null, []);

    /// <summary>400: the review itself could not be read.</summary>
    public static AdmissionResponse BadRequest(string message) => new(false, 400, "BadRequest", message, null, []);

    /// <summary>The AdmissionReview v1 answer to the request with <paramref name="uid"/>.</summary>
    public JsonObject ToReview(string uid)
    {
        var response = new JsonObject { ["uid"] = uid, ["allowed"] = Allowed };
        if (!Allowed)
        {
            response["status"] = new JsonObject { ["code"] = Code, ["reason"] = Reason, ["message"] = Message, ["status"] = "Failure" };
        }
        if (Patch is not null)
        {
            response["patchType"] = "JSONPatch";
            response["patch"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(Patch.ToJsonString()));
        }
        if (Warnings.Count > 0) response["warnings"] = new JsonArray(Warnings.Select(w => (JsonNode?)w).ToArray());
        return new JsonObject { ["apiVersion"] = "admission.k8s.io/v1", ["kind"] = "AdmissionReview", ["response"] = response };
    }
}
