using System.Text.Json.Nodes;
using Airlock.Operator.Governance.Approval;
using Airlock.Operator.Policies;
using Airlock.Operator.Tests.Reconciliation;
using Airlock.Operator.Tests.Support;
using Airlock.Operator.Webhooks;

namespace Airlock.Operator.Tests.Webhooks;

/// <summary>Builds admission requests for a task and applies the mutating webhook's JSON patches, as the API server would.</summary>
public sealed class AdmissionFixture
{
    public AdmissionFixture()
    {
        Webhooks = new AgentTaskWebhooks(Policy, Seal, Reviewer, new FixedClock(FixedClock.GoldenNow));
    }

    public FakeReviewer Reviewer { get; } = new();

    public ApprovalSealSlot Seal { get; } = new() { Seal = ApprovalSeal.Generate() };

    public FixedPolicySource Policy { get; } = new(BuiltinPolicy.Effective);

    public AgentTaskWebhooks Webhooks { get; }

    public static JsonObject Task(string specExtra = "", string annotations = "")
    {
        var meta = "\"name\": \"t\", \"namespace\": \"agents\", \"uid\": \"7f1c0a52-0000-4000-8000-000000000009\"";
        if (annotations.Length > 0) meta += ", \"annotations\": {" + annotations + "}";
        var spec = "\"image\": \"ghcr.io/acme/agent@sha256:" + new string('a', 64) + "\"" + specExtra;
        return JsonNode.Parse("{\"apiVersion\": \"agents.airlock.dev/v1alpha1\", \"kind\": \"AgentTask\", \"metadata\": {" + meta + "}, \"spec\": {" + spec + "}}")!.AsObject();
    }

    public static AdmissionRequest Request(string operation, JsonObject obj, JsonObject? old = null, string user = "alice", string subResource = "") =>
        new(Guid.NewGuid().ToString(), operation, "agents", "t", subResource, AdmissionUser.Named(user, "airlock:users", "system:authenticated"), obj, old, false);

    /// <summary>The task as alice created it through the mutating webhook.</summary>
    public async Task<JsonObject> CreatedAsync(string specExtra = "")
    {
        var obj = Task(specExtra);
        var response = await Webhooks.MutateAsync(Request("CREATE", obj), CancellationToken.None);
        return Apply(obj, response);
    }

    /// <summary>A copy of <paramref name="obj"/> with annotations changed.</summary>
    public static JsonObject WithAnnotations(JsonObject obj, params (string Key, string? Value)[] changes)
    {
        var copy = obj.DeepClone().AsObject();
        var meta = copy["metadata"]!.AsObject();
        var annotations = meta["annotations"] as JsonObject ?? [];
        meta["annotations"] = annotations;
        foreach (var (key, value) in changes)
        {
            if (value is null) annotations.Remove(key);
            else annotations[key] = value;
        }
        return copy;
    }

    public static JsonObject Apply(JsonObject obj, AdmissionResponse response)
    {
        response.Allowed.Should().BeTrue(response.Message);
        var copy = obj.DeepClone().AsObject();
        foreach (var op in response.Patch ?? [])
        {
            var segments = ((string)op!["path"]!).Split('/').Skip(1).Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
            JsonNode parent = copy;
            foreach (var segment in segments[..^1]) parent = parent[segment]!;
            parent.AsObject()[segments[^1]] = op["value"]?.DeepClone();
        }
        return copy;
    }

    public static string Annotation(JsonObject obj, string key) => (string?)obj["metadata"]?["annotations"]?[key] ?? "";

}
