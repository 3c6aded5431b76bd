using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Patching;
using Airlock.ControlPlane.Resources;
using Airlock.ControlPlane.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Airlock.ControlPlane.Admission;

/// <summary>
/// Calls the validating and mutating webhooks registered by configuration objects, over HTTPS with their caBundle,
/// with AdmissionReview v1, honouring rules, selectors, failurePolicy and timeouts.
/// </summary>
public sealed partial class WebhookAdmission(IObjectReader store, ILogger<WebhookAdmission>? logger = null) : IAdmissionController
{
    private readonly IObjectReader _store = store;
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;
    private readonly WebhookClient _client = new();
    private volatile CachedWebhooks? _mutating;
    private volatile CachedWebhooks? _validating;

    public async Task<AdmissionResult> MutateAsync(AdmissionAttributes attributes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var webhooks = Load(BuiltinResources.MutatingWebhookConfigurations, mutating: true);
        if (webhooks.Count == 0 || IsExempt(attributes)) return new AdmissionResult(attributes.Object, []);

        var warnings = new List<string>();
        var current = attributes;
        var invoked = new List<int>();
        var lastChangedBy = -1;
        for (var i = 0; i < webhooks.Count; i++)
        {
            var (next, called, changed) = await RunMutatingAsync(webhooks[i], current, warnings, cancellationToken).ConfigureAwait(false);
            current = next;
            if (called) invoked.Add(i);
            if (changed) lastChangedBy = i;
        }
        // reinvocationPolicy IfNeeded: once more for a webhook that ran before another one changed the object.
        foreach (var i in invoked.Where(i => webhooks[i].ReinvokeIfNeeded && i < lastChangedBy))
        {
            (current, _, _) = await RunMutatingAsync(webhooks[i], current, warnings, cancellationToken).ConfigureAwait(false);
        }
        return new AdmissionResult(current.Object, warnings);
    }

    public async Task<IReadOnlyList<string>> ValidateAsync(AdmissionAttributes attributes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var webhooks = Load(BuiltinResources.ValidatingWebhookConfigurations, mutating: false);
        if (webhooks.Count == 0 || IsExempt(attributes)) return [];

        // Validating webhooks cannot change anything, so they run concurrently; the first refusal in order wins.
        var outcomes = await Task.WhenAll(webhooks.Select(w => RunValidatingAsync(w, attributes, cancellationToken))).ConfigureAwait(false);
        var refusal = outcomes.Select(o => o.Refusal).FirstOrDefault(r => r is not null);
        if (refusal is not null) throw refusal;
        return outcomes.SelectMany(o => o.Warnings).ToList();
    }

    private async Task<(AdmissionAttributes Attributes, bool Called, bool Changed)> RunMutatingAsync(
        WebhookDefinition webhook, AdmissionAttributes attributes, List<string> warnings, CancellationToken cancellationToken)
    {
        WebhookResponse? response;
        try
        {
            if (!Matches(webhook, attributes)) return (attributes, false, false);
            response = await CallAsync(webhook, attributes, cancellationToken).ConfigureAwait(false);
            if (!response.Allowed) throw AdmissionErrors.Denied(webhook.Name, response.Status);
            warnings.AddRange(response.Warnings);
            if (response.Patch is null) return (attributes, true, false);
            if (attributes.Object is null) throw new WebhookCallException("received invalid webhook response: a patch for a request without an object");
            JsonObject patched;
            try
            {
                patched = JsonPatch.Apply(attributes.Object, response.Patch) as JsonObject
                    ?? throw new WebhookCallException("JSON patch from the webhook replaced the object with a non-object");
            }
            catch (ApiError e)
            {
                throw new WebhookCallException("JSON patch from the webhook does not apply: " + e.Message, e);
            }
            var changed = !JsonNode.DeepEquals(patched, attributes.Object);
            return (attributes with { Object = patched }, true, changed);
        }
        catch (WebhookCallException e) when (webhook.IgnoresFailures)
        {
            LogIgnoredFailure(_logger, webhook.Name, e.Message);
            return (attributes, true, false);
        }
        catch (WebhookCallException e)
        {
            throw AdmissionErrors.CallFailed(webhook.Name, e.Message);
        }
    }

    private async Task<(ApiError? Refusal, IReadOnlyList<string> Warnings)> RunValidatingAsync(
        WebhookDefinition webhook, AdmissionAttributes attributes, CancellationToken cancellationToken)
    {
        try
        {
            if (!Matches(webhook, attributes)) return (null, []);
            var response = await CallAsync(webhook, attributes, cancellationToken).ConfigureAwait(false);
            return response.Allowed ? (null, response.Warnings) : (AdmissionErrors.Denied(webhook.Name, response.Status), response.Warnings);
        }
        catch (WebhookCallException e) when (webhook.IgnoresFailures)
        {
            LogIgnoredFailure(_logger, webhook.Name, e.Message);
            return (null, []);
        }
        catch (WebhookCallException e)
        {
            return (AdmissionErrors.CallFailed(webhook.Name, e.Message), []);
        }
        catch (ApiError e)
        {
            return (e, []);
        }
    }

    private async Task<WebhookResponse> CallAsync(WebhookDefinition webhook, AdmissionAttributes attributes, CancellationToken cancellationToken)
    {
        if (attributes.DryRun && webhook.SideEffects is not ("None" or "NoneOnDryRun")) throw AdmissionErrors.NoDryRun(webhook.Name);
        var uid = Guid.NewGuid().ToString();
        var body = await _client.PostAsync(webhook, AdmissionReviews.Request(attributes, uid), cancellationToken).ConfigureAwait(false);
        return AdmissionReviews.Response(body, uid, webhook.Mutating);
    }

    /// <summary>Rules, then namespaceSelector, then objectSelector. A malformed selector is a webhook failure.</summary>
    private bool Matches(WebhookDefinition webhook, AdmissionAttributes attributes)
    {
        if (!WebhookRules.AnyMatches(webhook.Rules, attributes)) return false;
        try
        {
            return NamespaceMatches(webhook.NamespaceSelector, attributes) && ObjectMatches(webhook.ObjectSelector, attributes);
        }
        catch (FormatException e)
        {
            throw new WebhookCallException(e.Message, e);
        }
    }

    private bool NamespaceMatches(JsonObject? selector, AdmissionAttributes attributes)
    {
        if (LabelSelectors.IsEmpty(selector)) return true;
        var type = attributes.Type;
        if (type.Group.Length == 0 && type.Resource == "namespaces")
        {
            // A Namespace is judged by its own labels.
            return LabelSelectors.Matches(selector, LabelSelectors.LabelsOf(attributes.Object ?? attributes.OldObject));
        }
        if (string.IsNullOrEmpty(attributes.Namespace)) return true;
        var ns = _store.Get(BuiltinResources.Namespaces, null, attributes.Namespace);
        return LabelSelectors.Matches(selector, LabelSelectors.LabelsOf(ns));
    }

    private static bool ObjectMatches(JsonObject? selector, AdmissionAttributes attributes)
    {
        if (LabelSelectors.IsEmpty(selector)) return true;
        return (attributes.Object is { } obj && LabelSelectors.Matches(selector, LabelSelectors.LabelsOf(obj)))
            || (attributes.OldObject is { } old && LabelSelectors.Matches(selector, LabelSelectors.LabelsOf(old)));
    }

    /// <summary>
    /// Configurations sorted by name, their webhooks in order (the API server's order). Parsed once per change of the
    /// configuration type when the reader tracks revisions (the store does), so a write costs no list of them.
    /// </summary>
    private IReadOnlyList<WebhookDefinition> Load(ResourceType type, bool mutating)
    {
        // Read the revision before listing: a change landing in between makes the next call see a newer one and reload.
        var revision = _store.RevisionOf(type);
        var cached = mutating ? _mutating : _validating;
        if (revision is { } current && cached?.Revision == current) return cached.Webhooks;
        var webhooks = _store.List(type, null)
            .OrderBy(c => (string?)c["metadata"]?["name"], StringComparer.Ordinal)
            .SelectMany(c => WebhookDefinition.FromConfiguration(c, mutating))
            .ToList();
        if (revision is { } r)
        {
            var entry = new CachedWebhooks(r, webhooks);
            if (mutating) _mutating = entry;
            else _validating = entry;
        }
        return webhooks;
    }

    /// <summary>Webhook configurations themselves are never sent to webhooks, so a broken webhook cannot lock itself in.</summary>
    private static bool IsExempt(AdmissionAttributes attributes) =>
        attributes.Type.Group == "admissionregistration.k8s.io"
        && attributes.Type.Resource is "validatingwebhookconfigurations" or "mutatingwebhookconfigurations";

    private sealed record CachedWebhooks(long Revision, IReadOnlyList<WebhookDefinition> Webhooks);

    [LoggerMessage(Level = LogLevel.Warning, Message = "admission: ignoring failure of webhook {Webhook} (failurePolicy Ignore): {Reason}")]
    private static partial void LogIgnoredFailure(ILogger logger, string webhook, string reason);
}
