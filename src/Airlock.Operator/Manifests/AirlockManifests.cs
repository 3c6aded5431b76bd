using System.Text.Json;
using System.Text.Json.Nodes;
using Airlock.Api;
using Airlock.Api.Policies;
using Airlock.Api.Schema;
using Airlock.Api.Tasks;
using Airlock.Guardrails;
using Airlock.Operator.Policies;
using Airlock.Operator.Validation;
using k8s;
using k8s.Models;

namespace Airlock.Operator.Manifests;

/// <summary>Offline handling of Airlock manifests: which kind a document is, its schema and semantic problems, typed reads.</summary>
public static class AirlockManifests
{
    private static readonly Dictionary<string, V1JSONSchemaProps> Schemas = AirlockCrds.All.ToDictionary(
        d => d.Kind, d => CrdGenerator.Generate(d).Spec.Versions[0].Schema.OpenAPIV3Schema, StringComparer.Ordinal);

    /// <summary>The kind of an Airlock document; throws <see cref="ManifestException"/> for anything else (a usage error).</summary>
    public static string KindOf(JsonObject document)
    {
        var apiVersion = document["apiVersion"]?.GetValueKind() == JsonValueKind.String ? document["apiVersion"]!.GetValue<string>() : null;
        var kind = document["kind"]?.GetValueKind() == JsonValueKind.String ? document["kind"]!.GetValue<string>() : null;
        if (apiVersion != AgentsGroup.ApiVersion || kind is null || !Schemas.ContainsKey(kind))
        {
            throw new ManifestException($"expected apiVersion {AgentsGroup.ApiVersion} and kind AgentTask or ClusterAgentPolicy, found {apiVersion ?? "no apiVersion"} {kind ?? "no kind"}");
        }
        return kind;
    }

    public static string NameOf(JsonObject document) =>
        document["metadata"] is JsonObject { } meta && meta["name"] is JsonValue name && name.GetValueKind() == JsonValueKind.String
            ? name.GetValue<string>() : "(unnamed)";

    /// <summary>Every problem of one document: schema problems (unknown fields, types) and the policy rules. Semantic messages win where both name a field.</summary>
    public static IReadOnlyList<FieldProblem> Validate(JsonObject document, EffectivePolicy policy, DateTime now) =>
        Validate(document, policy, now, GuardrailScanner.Default);

    /// <param name="scanner">The guardrails' secret detector used on the prompt, env values, command and args.</param>
    public static IReadOnlyList<FieldProblem> Validate(JsonObject document, EffectivePolicy policy, DateTime now, IGuardrailScanner scanner)
    {
        var kind = KindOf(document);
        var readable = document.DeepClone();
        var schema = SchemaChecker.CheckAndPrune(readable, Schemas[kind]);
        IReadOnlyList<FieldProblem> semantic;
        try
        {
            semantic = kind == AgentTask.KubeKind
                ? AgentTaskValidator.Validate(KubernetesJson.Deserialize<AgentTask>(readable), policy, now, scanner)
                : ClusterAgentPolicyValidator.Validate(KubernetesJson.Deserialize<ClusterAgentPolicy>(readable));
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or ArgumentException or OverflowException)
        {
            // The schema problems already say what cannot be read.
            semantic = schema.Count > 0 ? [] : [new FieldProblem("(root)", "cannot be read: " + e.Message)];
        }
        var reported = semantic.Select(p => p.Field).ToHashSet(StringComparer.Ordinal);
        return [.. semantic, .. schema.Where(p => !reported.Contains(p.Field))];
    }

    public static AgentTask ToTask(JsonObject document) => KubernetesJson.Deserialize<AgentTask>(document);

    /// <summary>The effective policy of every ClusterAgentPolicy document in <paramref name="text"/>; throws <see cref="ManifestException"/> when there is none or one is invalid.</summary>
    public static EffectivePolicy ReadPolicy(string text)
    {
        var policies = new List<ClusterAgentPolicy>();
        foreach (var document in ManifestReader.ReadDocuments(text))
        {
            if (KindOf(document) != ClusterAgentPolicy.KubeKind) throw new ManifestException("a policy file holds ClusterAgentPolicy documents only");
            var problems = Validate(document, BuiltinPolicy.Effective, DateTime.UtcNow);
            if (problems.Count > 0) throw new ManifestException($"policy {NameOf(document)} is invalid: {string.Join("; ", problems)}");
            policies.Add(KubernetesJson.Deserialize<ClusterAgentPolicy>(document));
        }
        if (policies.Count == 0) throw new ManifestException("the policy file holds no ClusterAgentPolicy");
        return PolicyMerger.Merge(policies);
    }
}
