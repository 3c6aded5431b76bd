using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;

namespace Airlock.ControlPlane.Admission;

/// <summary>The API server's errors for webhook refusals and failures (k8s.io/apiserver webhook errors).</summary>
public static class AdmissionErrors
{
    /// <summary>
    /// A webhook said no. The message is <c>admission webhook "name" denied the request: message</c>; code and reason
    /// come from the webhook's status, with a code below 400 (or none) raised to 400 as the API server does.
    /// </summary>
    public static ApiError Denied(string webhook, JsonObject? status)
    {
        var deniedBy = $"admission webhook \"{webhook}\" denied the request";
        var code = Int(status?["code"]);
        var message = Text(status?["message"]);
        var reason = Text(status?["reason"]);
        var text = message.Length > 0 ? $"{deniedBy}: {message}"
            : reason.Length > 0 ? $"{deniedBy}: {reason}"
            : $"{deniedBy} without explanation";
        return new ApiError(code < 400 ? 400 : code, reason, text, Details(status?["details"] as JsonObject));
    }

    /// <summary>failurePolicy Fail and the call failed: 500 <c>Internal error occurred: failed calling webhook "name": reason</c>.</summary>
    public static ApiError CallFailed(string webhook, string reason) =>
        ApiError.Internal($"Internal error occurred: failed calling webhook \"{webhook}\": {reason}");

    /// <summary>A dry-run request reached a webhook that declares side effects.</summary>
    public static ApiError NoDryRun(string webhook) =>
        ApiError.BadRequest($"admission webhook \"{webhook}\" does not support dry run");

    private static StatusDetails? Details(JsonObject? details)
    {
        if (details is null) return null;
        var causes = (details["causes"] as JsonArray)?.OfType<JsonObject>()
            .Select(c => new StatusCause(Text(c["reason"]), Text(c["message"]), Text(c["field"]))).ToList();
        return new StatusDetails(Text(details["name"]), Text(details["group"]), Text(details["kind"])) { Causes = causes };
    }

    private static int Int(JsonNode? node) => node is JsonValue v && v.TryGetValue<int>(out var i) ? i : 0;

    private static string Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
}
