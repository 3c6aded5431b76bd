using System.Text.Json.Nodes;
using Airlock.Api.Tasks;
using k8s;

namespace Airlock.Operator.Reconciliation;

/// <summary>The JSON merge patch that turns one status into another: the whole new status, plus explicit nulls for fields it dropped.</summary>
public static class StatusPatch
{
    public static string Build(AgentTaskStatus? current, AgentTaskStatus desired)
    {
        var next = JsonNode.Parse(KubernetesJson.Serialize(desired))!.AsObject();
        if (current is not null && JsonNode.Parse(KubernetesJson.Serialize(current)) is JsonObject before)
        {
            foreach (var (name, _) in before)
            {
                if (!next.ContainsKey(name)) next[name] = null;
            }
        }
        return new JsonObject { ["status"] = next }.ToJsonString();
    }
}
