using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Airlock.ControlPlane.Kubelet;

/// <summary>Node registration: create the Node, or take over an existing one and mark it Ready.</summary>
public sealed partial class SimulatedKubelet
{
    private async Task RegisterNodeAsync(CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                await TryRegisterNodeAsync(cancellationToken).ConfigureAwait(false);
                LogRegistered(_logger, _options.NodeName);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogRegistrationFailed(_logger, _options.NodeName, e);
                await Task.Delay(backoff, cancellationToken).ConfigureAwait(false);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    private async Task TryRegisterNodeAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        V1Node node;
        try
        {
            node = await _client.CoreV1.CreateNodeAsync(KubeletNode.Build(_options, now), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response?.StatusCode == HttpStatusCode.Conflict)
        {
            node = await _client.CoreV1.ReadNodeAsync(_options.NodeName, cancellationToken: cancellationToken).ConfigureAwait(false);
            node.Status = null;
        }
        if (KubeletNode.IsReady(node)) return;
        // Status sent with a create may be dropped by the server; an existing node has the previous kubelet's: write ours.
        node.Status = KubeletNode.Status(_options, now);
        await _client.CoreV1.ReplaceNodeStatusAsync(node, _options.NodeName, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
