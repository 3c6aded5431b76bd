using System.Text.Json.Nodes;
using Airlock.Stores.Audit;

namespace Airlock.Gateway.Auditing;

/// <summary>Turns a model call into its audit entry (kind <see cref="Kind"/>).</summary>
public static class ModelCallAudit
{
    public const string Kind = "model.call";

    public static AuditEntry ToEntry(ModelCallFacts facts)
    {
        var data = new JsonObject
        {
            ["route"] = facts.Route,
            ["provider"] = facts.Provider,
            ["model"] = facts.Model,
            ["stream"] = facts.Stream,
            ["status"] = facts.Status,
            ["latencyMs"] = Math.Round(facts.LatencyMs, 3),
            ["promptTokens"] = facts.PromptTokens,
            ["completionTokens"] = facts.CompletionTokens,
            ["prompt"] = facts.Prompt,
            ["completion"] = facts.Completion,
            ["toolCalls"] = new JsonArray([.. facts.ToolCalls.Select(t => (JsonNode)new JsonObject { ["name"] = t.Name, ["arguments"] = t.Arguments })]),
            ["guardrails"] = facts.Guardrails.ToJson(),
        };
        if (facts.Refusal is not null) data["refusal"] = facts.Refusal;
        if (facts.Error is not null) data["error"] = facts.Error;
        return new AuditEntry(Kind, facts.Namespace, facts.Task, facts.Pod, data);
    }
}
