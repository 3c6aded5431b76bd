using System.Net;
using Airlock.Api.Schema;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Airlock.Operator.Hosting;

/// <summary>Creates or updates the Airlock CRDs from the generator (in memory, never from files) and waits until they are served.</summary>
public static class CrdInstaller
{
    public static async Task EnsureAsync(IKubernetes client, CancellationToken cancellationToken)
    {
        foreach (var definition in AirlockCrds.All)
        {
            var crd = CrdGenerator.Generate(definition);
            try
            {
                await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd, fieldManager: OperatorInfo.FieldManager, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
            {
                var existing = await client.ApiextensionsV1.ReadCustomResourceDefinitionAsync(crd.Metadata.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
                crd.Metadata.ResourceVersion = existing.Metadata.ResourceVersion;
                await client.ApiextensionsV1.ReplaceCustomResourceDefinitionAsync(crd, crd.Metadata.Name, fieldManager: OperatorInfo.FieldManager, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
        foreach (var definition in AirlockCrds.All) await WaitEstablishedAsync(client, definition.Name, cancellationToken).ConfigureAwait(false);
    }

    private static async Task WaitEstablishedAsync(IKubernetes client, string name, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            var crd = await client.ApiextensionsV1.ReadCustomResourceDefinitionAsync(name, cancellationToken: timeout.Token).ConfigureAwait(false);
            if (crd.Status?.Conditions?.Any(c => c.Type == "Established" && c.Status == "True") == true) return;
            await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token).ConfigureAwait(false);
        }
    }
}
