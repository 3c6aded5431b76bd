using System.Text.Json.Nodes;
using Airlock.Api.Tasks;
using k8s;

namespace Airlock.Operator.Reconciliation;

/// <summary>The JSON merge patch that turns one status into another: the whole new status, plus explicit nulls for fields it dropped.</summary>
public static class StatusPatch
{
    /// <param name="resourceVersion">When set, the patch carries it as a precondition (409 Conflict if the task changed since).</param>
    public static string Build(AgentTaskStatus? current, AgentTaskStatus desired, string? resourceVersion = null)
    {
        var next = JsonNode.Parse(KubernetesJson.Serialize(desired))!.AsObject();
        if (current is not null && JsonNode.Parse(KubernetesJson.Serialize(current)) is JsonObject before)
        {
            foreach (var (name, _) in before)
            {
                if (!next.ContainsKey(name)) next[name] = null;
            }
        }
        var patch = new JsonObject { ["status"] = next };
        if (!string.IsNullOrEmpty(resourceVersion)) patch["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion };
        return patch.ToJsonString();
    }
}
