using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Airlock.Operator.Webhooks;

/// <summary>
/// Registers the webhooks with the API server. <see cref="RegisterUrlAsync"/> writes both configurations pointing at a URL
/// (<c>airlock dev</c>: the operator's loopback server); <see cref="PatchCaBundleAsync"/> only refreshes the caBundle of
/// configurations the chart installed (service references). Both use <c>failurePolicy: Fail</c> as installed.
/// </summary>
public static class WebhookRegistrar
{
    public static async Task RegisterUrlAsync(IKubernetes client, Uri baseUrl, string caBundlePem, CancellationToken cancellationToken)
    {
        var bundle = Encoding.UTF8.GetBytes(caBundlePem);
        var mutating = new V1MutatingWebhookConfiguration
        {
            Metadata = Metadata(),
            Webhooks =
            [
                new V1MutatingWebhook
                {
                    Name = WebhookPaths.MutatingWebhookName,
                    AdmissionReviewVersions = ["v1"],
                    SideEffects = "None",
                    FailurePolicy = "Fail",
                    TimeoutSeconds = 10,
                    ReinvocationPolicy = "Never",
                    ClientConfig = new Admissionregistrationv1WebhookClientConfig { Url = new Uri(baseUrl, WebhookPaths.Mutate).ToString(), CaBundle = bundle },
                    Rules = [Rule("agenttasks")],
                },
            ],
        };
        var validating = new V1ValidatingWebhookConfiguration
        {
            Metadata = Metadata(),
            Webhooks =
            [
                new V1ValidatingWebhook
                {
                    Name = WebhookPaths.ValidatingWebhookName,
                    AdmissionReviewVersions = ["v1"],
                    SideEffects = "None",
                    FailurePolicy = "Fail",
                    TimeoutSeconds = 10,
                    ClientConfig = new Admissionregistrationv1WebhookClientConfig { Url = new Uri(baseUrl, WebhookPaths.Validate).ToString(), CaBundle = bundle },
                    Rules = [Rule("agenttasks", "agenttasks/status")],
                },
            ],
        };
        await Upsert(
            () => client.AdmissionregistrationV1.CreateMutatingWebhookConfigurationAsync(mutating, cancellationToken: cancellationToken),
            async () =>
            {
                var existing = await client.AdmissionregistrationV1.ReadMutatingWebhookConfigurationAsync(mutating.Metadata.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
                mutating.Metadata.ResourceVersion = existing.Metadata.ResourceVersion;
                await client.AdmissionregistrationV1.ReplaceMutatingWebhookConfigurationAsync(mutating, mutating.Metadata.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
        await Upsert(
            () => client.AdmissionregistrationV1.CreateValidatingWebhookConfigurationAsync(validating, cancellationToken: cancellationToken),
            async () =>
            {
                var existing = await client.AdmissionregistrationV1.ReadValidatingWebhookConfigurationAsync(validating.Metadata.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
                validating.Metadata.ResourceVersion = existing.Metadata.ResourceVersion;
                await client.AdmissionregistrationV1.ReplaceValidatingWebhookConfigurationAsync(validating, validating.Metadata.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
    }

    /// <summary>Sets the caBundle of every webhook in the <c>airlock</c> configurations; false when they are not installed.</summary>
    public static async Task<bool> PatchCaBundleAsync(IKubernetes client, string caBundlePem, CancellationToken cancellationToken)
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(caBundlePem));
        try
        {
            var mutating = await client.AdmissionregistrationV1.ReadMutatingWebhookConfigurationAsync(WebhookPaths.ConfigurationName, cancellationToken: cancellationToken).ConfigureAwait(false);
            await client.AdmissionregistrationV1.PatchMutatingWebhookConfigurationAsync(
                BundlePatch(mutating.Webhooks?.Count ?? 0, encoded), WebhookPaths.ConfigurationName, cancellationToken: cancellationToken).ConfigureAwait(false);
            var validating = await client.AdmissionregistrationV1.ReadValidatingWebhookConfigurationAsync(WebhookPaths.ConfigurationName, cancellationToken: cancellationToken).ConfigureAwait(false);
            await client.AdmissionregistrationV1.PatchValidatingWebhookConfigurationAsync(
                BundlePatch(validating.Webhooks?.Count ?? 0, encoded), WebhookPaths.ConfigurationName, cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private static V1Patch BundlePatch(int webhooks, string encoded)
    {
        var ops = new JsonArray();
        for (var i = 0; i < webhooks; i++) ops.Add(new JsonObject { ["op"] = "add", ["path"] = $"/webhooks/{i}/clientConfig/caBundle", ["value"] = encoded });
        return new V1Patch(ops.ToJsonString(), V1Patch.PatchType.JsonPatch);
    }

    private static V1ObjectMeta Metadata() => new()
    {
        Name = WebhookPaths.ConfigurationName,
        Labels = new Dictionary<string, string> { [Api.AirlockLabels.ManagedBy] = Api.AirlockLabels.ManagedByValue },
    };

    private static V1RuleWithOperations Rule(params string[] resources) => new()
    {
        ApiGroups = [Api.AgentsGroup.Name],
        ApiVersions = [Api.AgentsGroup.Version],
        Operations = ["CREATE", "UPDATE"],
        Resources = resources,
        Scope = "Namespaced",
    };

    private static async Task Upsert(Func<Task> create, Func<Task> replace)
    {
        try
        {
            await create().ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
            await replace().ConfigureAwait(false);
        }
    }
}
