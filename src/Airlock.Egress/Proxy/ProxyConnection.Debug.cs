using System.Net;
using Airlock.Egress.Accounting;
using Airlock.Egress.Debug;
using Airlock.Egress.Identity;
using Airlock.Egress.Matching;
using Airlock.Operator.Sandbox;

namespace Airlock.Egress.Proxy;

/// <summary>Debug tunnels: a user's authenticated CONNECT into a Running task's pod while its debug window is open.</summary>
public sealed partial class ProxyConnection
{
    private async Task RunDebugAsync(RequestHead head, DebugTarget target, ReadOnlyMemory<byte> early, CancellationToken cancellationToken)
    {
        var credentials = head.Header("Proxy-Authorization");
        if (credentials is null || !credentials.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || credentials.Length <= 7)
        {
            await DenyDebugAsync(head, target, null, 407, DenyReasons.Unauthenticated, "send your Kubernetes token as Proxy-Authorization: Bearer <token>", cancellationToken).ConfigureAwait(false);
            return;
        }
        var authorization = await services.DebugAuthorizer.AuthorizeAsync(credentials[7..].Trim(), target.Namespace, target.Task, cancellationToken).ConfigureAwait(false);
        if (!authorization.Allowed)
        {
            var status = authorization.Reason == DenyReasons.Unauthenticated ? 407 : 403;
            await DenyDebugAsync(head, target, authorization.User, status, authorization.Reason, $"{authorization.Reason}: debug on agenttasks/{target.Task} in {target.Namespace} is not granted", cancellationToken).ConfigureAwait(false);
            return;
        }
        var now = services.Time.GetUtcNow().UtcDateTime;
        var task = services.Directory.FindTask(target.Namespace, target.Task);
        var debug = task?.Spec.Debug;
        if (task is null || !TaskPodMatcher.IsRunning(task) || !SandboxNetworkPolicyBuilder.DebugOpen(debug, now) || !debug!.Ports.Contains(target.Port))
        {
            await DenyDebugAsync(head, target, authorization.User, 403, DenyReasons.DebugClosed, $"task {target.Namespace}/{target.Task} is not Running with an open debug window on port {target.Port}", cancellationToken).ConfigureAwait(false);
            return;
        }
        var pod = services.Directory.RunningPodOf(task);
        if (pod is null || !IPAddress.TryParse(pod.Status.PodIP, out var podIp))
        {
            await DenyDebugAsync(head, target, authorization.User, 503, DenyReasons.DebugClosed, $"task {target.Namespace}/{target.Task} has no running pod", cancellationToken).ConfigureAwait(false);
            return;
        }
        var remaining = debug.ExpiresAt!.Value.ToUniversalTime() - now;
        var lifetime = remaining < services.Limits.TunnelLifetime ? remaining : services.Limits.TunnelLifetime;
        var context = new DebugContext(target, pod.Metadata.Name, authorization.User!);
        await TunnelAsync(null, head, new ProxyTarget(podIp.ToString(), target.Port, null), podIp, early, null, context, lifetime, cancellationToken).ConfigureAwait(false);
    }

    private async Task DenyDebugAsync(RequestHead head, DebugTarget target, string? user, int status, string reason, string message, CancellationToken cancellationToken)
    {
        await SendAsync(ProxyResponses.Status(status, message), cancellationToken).ConfigureAwait(false);
        await RecordAsync(null, head.Method, new ProxyTarget(target.Host, target.Port, null), null, EgressAttempt.DeniedVerdict, reason, default, cancellationToken,
            new DebugContext(target, "", user ?? "")).ConfigureAwait(false);
    }
}
