using System.Text.Json.Nodes;
using Airlock.Api.Values;
using Airlock.Operator.Policies;

namespace Airlock.Operator.Webhooks;

/// <summary>
/// The mutating webhook's defaults, as JSON Patch operations on a new task: the runtime class, timeout, resources and token
/// lifetime from the effective policy, so what is stored is what will run.
/// </summary>
public static class AgentTaskDefaults
{
    public static IEnumerable<JsonObject> Patch(JsonObject task, EffectivePolicy policy)
    {
        if (task["spec"] is not JsonObject spec) yield break;
        if (spec["runtimeClassName"] is null) yield return Add("/spec/runtimeClassName", policy.DefaultRuntimeClass);
        if (spec["timeout"] is null) yield return Add("/spec/timeout", GoDuration.Format(policy.DefaultTimeout));
        if (spec["tokenExpirationSeconds"] is null) yield return Add("/spec/tokenExpirationSeconds", policy.DefaultTokenExpirationSeconds);
        var defaults = new (string Name, string Value)[]
        {
            ("cpu", policy.DefaultResources.Cpu.ToString()),
            ("memory", policy.DefaultResources.Memory.ToString()),
            ("ephemeralStorage", policy.DefaultResources.EphemeralStorage.ToString()),
        };
        if (spec["resources"] is not JsonObject resources)
        {
            var all = new JsonObject();
            foreach (var (name, value) in defaults) all[name] = value;
            yield return Add("/spec/resources", all);
            yield break;
        }
        foreach (var (name, value) in defaults.Where(d => resources[d.Name] is null)) yield return Add("/spec/resources/" + name, value);
    }

    public static JsonObject Add(string path, JsonNode? value) => new() { ["op"] = "add", ["path"] = path, ["value"] = value };
}
