using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Airlock.Operator.Governance.Approval;
using Airlock.Operator.Manifests;
using Airlock.Operator.Policies;
using Airlock.Operator.Webhooks;

namespace Airlock.Fuzz;

/// <summary>
/// The fuzz target: one input through every path untrusted manifest text takes. As YAML or JSON manifests, exactly as
/// <c>airlock validate</c> reads them (reader, schema check, validator, policy merge); and as an AdmissionReview, exactly as
/// the webhook server reads it (parse, mutate, validate). Refusals (<see cref="ManifestException"/>, JSON and format errors)
/// are answers; any other exception is a crash the fuzzer reports.
/// </summary>
public static class ManifestTarget
{
    private static readonly DateTime Now = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly AgentTaskWebhooks Webhooks = new(
        new FixedPolicy(), new ApprovalSealSlot { Seal = new ApprovalSeal(new byte[ApprovalSeal.KeyBytes]) }, new AllowAll(), TimeProvider.System);

    public static void Run(ReadOnlySpan<byte> input)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(input);
        }
        catch (DecoderFallbackException)
        {
            return;
        }
        AsManifests(text);
        AsPolicy(text);
        AsAdmissionReview(text);
    }

    private static void AsManifests(string text)
    {
        try
        {
            foreach (var document in ManifestReader.ReadDocuments(text)) AirlockManifests.Validate(document, BuiltinPolicy.Effective, Now);
        }
        catch (ManifestException)
        {
            // A usage error with a message: an answer, not a crash.
        }
    }

    private static void AsPolicy(string text)
    {
        try
        {
            AirlockManifests.ReadPolicy(text);
        }
        catch (ManifestException)
        {
        }
    }

    private static void AsAdmissionReview(string text)
    {
        AdmissionRequest request;
        try
        {
            request = AdmissionRequest.Parse(JsonNode.Parse(text));
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return;
        }
        Webhooks.MutateAsync(request, CancellationToken.None).GetAwaiter().GetResult().ToReview(request.Uid);
        Webhooks.ValidateAsync(request, CancellationToken.None).GetAwaiter().GetResult().ToReview(request.Uid);
    }

    private sealed class FixedPolicy : Airlock.Operator.Reconciliation.ITaskPolicySource
    {
        public EffectivePolicy For(Airlock.Api.Tasks.AgentTask task) => BuiltinPolicy.Effective;
    }

    private sealed class AllowAll : ISubjectAccessReviewer
    {
        public Task<bool> AllowedAsync(AdmissionUser user, string verb, string @namespace, string name, CancellationToken cancellationToken) => Task.FromResult(true);
    }
}
