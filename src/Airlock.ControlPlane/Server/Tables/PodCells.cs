using System.Text.Json.Nodes;
using Airlock.ControlPlane.Storage;

namespace Airlock.ControlPlane.Server.Tables;

/// <summary>The READY, STATUS and RESTARTS cells of <c>kubectl get pods</c>, after the API server's pod printer.</summary>
public static class PodCells
{
    public static JsonNode? Ready(JsonObject pod)
    {
        var total = (pod["spec"]?["containers"] as JsonArray)?.Count ?? 0;
        var ready = Statuses(pod).Count(s => s["ready"] is JsonValue v && v.TryGetValue<bool>(out var b) && b);
        return $"{ready}/{total}";
    }

    public static JsonNode? Restarts(JsonObject pod) =>
        Statuses(pod).Sum(s => ObjectMeta.Integer(s["restartCount"]) ?? 0);

    public static JsonNode? Status(JsonObject pod)
    {
        var reason = ObjectMeta.Str(pod["status"] as JsonObject, "reason") ?? ObjectMeta.Str(pod["status"] as JsonObject, "phase") ?? "Unknown";
        foreach (var status in Statuses(pod))
        {
            if (ObjectMeta.Str(status["state"]?["waiting"] as JsonObject, "reason") is { Length: > 0 } waiting) reason = waiting;
            else if (ObjectMeta.Str(status["state"]?["terminated"] as JsonObject, "reason") is { Length: > 0 } terminated) reason = terminated;
        }
        return ObjectMeta.IsDeleting(pod) ? "Terminating" : reason;
    }

    private static IEnumerable<JsonObject> Statuses(JsonObject pod) =>
        (pod["status"]?["containerStatuses"] as JsonArray)?.OfType<JsonObject>() ?? [];
}
