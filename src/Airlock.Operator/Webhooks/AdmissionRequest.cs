using System.Text.Json;
using System.Text.Json.Nodes;

namespace Airlock.Operator.Webhooks;

/// <summary>The fields of an admission.k8s.io/v1 AdmissionReview request the Airlock webhooks use.</summary>
public sealed record AdmissionRequest(
    string Uid,
    string Operation,
    string? Namespace,
    string? Name,
    string SubResource,
    AdmissionUser User,
    JsonObject? Object,
    JsonObject? OldObject,
    bool DryRun)
{
    /// <summary>Reads <c>request</c> of a review; throws <see cref="FormatException"/> when it is not an AdmissionReview v1 request.</summary>
    public static AdmissionRequest Parse(JsonNode? review)
    {
        try
        {
            // JsonNode reads objects lazily: walk the whole tree now, so a duplicate key fails here, not deep in a handler.
            Materialise(review);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new FormatException("the AdmissionReview is not well-formed JSON: " + e.Message, e);
        }
        if (review is not JsonObject root || Text(root["apiVersion"]) != "admission.k8s.io/v1" || Text(root["kind"]) != "AdmissionReview")
            throw new FormatException("expected an admission.k8s.io/v1 AdmissionReview");
        if (root["request"] is not JsonObject request || Text(request["uid"]) is not { Length: > 0 } uid)
            throw new FormatException("the AdmissionReview has no request.uid");
        var info = request["userInfo"] as JsonObject;
        var extra = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (key, values) in info?["extra"] as JsonObject ?? [])
        {
            extra[key] = Strings(values);
        }
        var user = new AdmissionUser(Text(info?["username"]) ?? "", Strings(info?["groups"]), Text(info?["uid"]), extra);
        return new AdmissionRequest(
            uid,
            Text(request["operation"]) ?? "",
            Text(request["namespace"]),
            Text(request["name"]),
            Text(request["subResource"]) ?? "",
            user,
            request["object"] as JsonObject,
            request["oldObject"] as JsonObject,
            request["dryRun"] is JsonValue d && d.GetValueKind() == JsonValueKind.True);
    }

    private static void Materialise(JsonNode? node)
    {
        if (node is JsonObject obj) foreach (var (_, child) in obj) Materialise(child);
        else if (node is JsonArray array) foreach (var child in array) Materialise(child);
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static List<string> Strings(JsonNode? node) => (node as JsonArray)?.Select(Text).OfType<string>().ToList() ?? [];
}
