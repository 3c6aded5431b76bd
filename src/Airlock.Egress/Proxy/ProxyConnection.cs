using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Airlock.Egress.Accounting;
using Airlock.Egress.Debug;
using Airlock.Egress.Identity;
using Airlock.Egress.Matching;

namespace Airlock.Egress.Proxy;

/// <summary>
/// One client connection: read and check the head, find the caller by source address, decide, connect to the checked
/// address, then tunnel (CONNECT) or forward one request (plain HTTP). Every attempt ends in exactly one audit record.
/// </summary>
public sealed partial class ProxyConnection(ProxyServices services, Socket client)
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly IPAddress _source = AddressRanges.Canonical(((IPEndPoint)client.RemoteEndPoint!).Address);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var limits = services.Limits;
        var buffer = ArrayPool<byte>.Shared.Rent(limits.MaxHeadBytes);
        try
        {
            var read = await RequestHeadReader.ReadAsync(client, buffer, limits, cancellationToken).ConfigureAwait(false);
            if (!read.Ok)
            {
                if (read.ErrorStatus != 0) await RefuseUnparsedAsync(read.ErrorStatus, "request head incomplete, too slow or too large", cancellationToken).ConfigureAwait(false);
                return;
            }
            var parsed = RequestHeadParser.Parse(buffer.AsSpan(0, read.HeadLength), limits);
            if (parsed.Head is not { } head)
            {
                await RefuseUnparsedAsync(parsed.Status, parsed.Error, cancellationToken).ConfigureAwait(false);
                return;
            }
            var early = buffer.AsMemory(read.HeadLength, read.TotalRead - read.HeadLength);
            var caller = services.Directory.FindBySource(_source);
            var target = TargetParser.Parse(head);
            if (caller is null && target is not null && head.IsConnect && DebugTarget.TryParse(target.Host, target.Port) is { } debugTarget)
            {
                await RunDebugAsync(head, debugTarget, early, cancellationToken).ConfigureAwait(false);
                return;
            }
            if (caller is null)
            {
                await SendAsync(ProxyResponses.ForbiddenBare, cancellationToken).ConfigureAwait(false);
                await RecordAsync(null, head.Method, target, null, EgressAttempt.DeniedVerdict, DenyReasons.UnknownSource, default, cancellationToken).ConfigureAwait(false);
                return;
            }
            if (target is null)
            {
                await SendAsync(ProxyResponses.Status(400, "the target must be host:port (CONNECT) or an absolute http:// URL"), cancellationToken).ConfigureAwait(false);
                await RecordAsync(caller, head.Method, null, null, EgressAttempt.DeniedVerdict, DenyReasons.BadRequest, default, cancellationToken).ConfigureAwait(false);
                return;
            }
            await RunEgressAsync(caller, head, target, early, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
        {
            // The client went away or the proxy is stopping; nothing more to say to anyone.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task RunEgressAsync(CallerIdentity caller, RequestHead head, ProxyTarget target, ReadOnlyMemory<byte> early, CancellationToken cancellationToken)
    {
        var allowlist = EgressAllowlist.From(caller.Task.Spec.Egress);
        var decision = EgressDecider.ForTarget(target.Host, target.Port, allowlist, services.AddressPolicy);
        var checkedHost = decision.ResolveName ?? target.Host;
        if (decision.ResolveName is { } name)
        {
            var resolved = await services.Resolver.ResolveAsync(name, cancellationToken).ConfigureAwait(false);
            decision = EgressDecider.ForResolved(resolved.Addresses, resolved.FromOverride, target.Port, allowlist, services.AddressPolicy);
        }
        if (decision.DenyReason is { } reason)
        {
            await DenyAsync(caller, head, target, 403, reason, $"{reason} ({target.Authority} is not on the allowlist of task {caller.TaskKey})", cancellationToken).ConfigureAwait(false);
            return;
        }
        byte[]? upstreamHead = null;
        if (!head.IsConnect && (upstreamHead = UpstreamRequest.Build(head, target with { Host = checkedHost })) is null)
        {
            await DenyAsync(caller, head, target, 400, DenyReasons.BadRequest, "ambiguous request (duplicate Host or Content-Length, or Content-Length with Transfer-Encoding)", cancellationToken).ConfigureAwait(false);
            return;
        }
        var quota = services.Quotas.For(caller.TaskKey);
        if (!quota.TryEnter())
        {
            var limit = quota.Bytes >= services.Limits.MaxBytesPerTask ? DenyReasons.ByteLimit : DenyReasons.ConnectionLimit;
            await DenyAsync(caller, head, target, 429, limit, $"{limit} of task {caller.TaskKey} reached", cancellationToken).ConfigureAwait(false);
            return;
        }
        try
        {
            await TunnelAsync(caller, head, target, decision.Address!, upstreamHead, early, quota, null, services.Limits.TunnelLifetime, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            quota.Exit();
        }
    }

    /// <summary>Connects to <paramref name="address"/>, answers CONNECT or sends the rewritten head, pumps, audits.</summary>
    private async Task TunnelAsync(
        CallerIdentity? caller, RequestHead head, ProxyTarget target, IPAddress address, byte[]? upstreamHead, ReadOnlyMemory<byte> early,
        TaskQuota? quota, DebugContext? debug, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        using var upstream = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            connectTimeout.CancelAfter(services.Limits.ConnectTimeout);
            await upstream.ConnectAsync(new IPEndPoint(address, target.Port), connectTimeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            await SendAsync(ProxyResponses.Status(502, $"could not connect to {target.Authority}"), cancellationToken).ConfigureAwait(false);
            await RecordAsync(caller, head.Method, target, address, EgressAttempt.ErrorVerdict, "connect-failed", default, cancellationToken, debug).ConfigureAwait(false);
            return;
        }
        services.Accounting.Metrics.ConnectionOpened();
        TunnelResult result;
        try
        {
            if (upstreamHead is null) await SendAsync(ProxyResponses.ConnectEstablished, cancellationToken).ConfigureAwait(false);
            else await TunnelPump.SendAllAsync(upstream, upstreamHead, cancellationToken).ConfigureAwait(false);
            result = await new TunnelPump(client, upstream, services.Limits, quota).RunAsync(early, lifetime, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            services.Accounting.Metrics.ConnectionClosed();
        }
        await RecordAsync(caller, head.Method, target, address, EgressAttempt.AllowedVerdict, result.End == "closed" ? "" : result.End, result, cancellationToken, debug).ConfigureAwait(false);
    }

    private async Task DenyAsync(CallerIdentity caller, RequestHead head, ProxyTarget target, int status, string reason, string message, CancellationToken cancellationToken)
    {
        await SendAsync(ProxyResponses.Status(status, message), cancellationToken).ConfigureAwait(false);
        await RecordAsync(caller, head.Method, target, null, EgressAttempt.DeniedVerdict, reason, default, cancellationToken).ConfigureAwait(false);
    }

    private async Task RefuseUnparsedAsync(int status, string error, CancellationToken cancellationToken)
    {
        var caller = services.Directory.FindBySource(_source);
        await SendAsync(caller is null ? ProxyResponses.ForbiddenBare : ProxyResponses.Status(status, error), cancellationToken).ConfigureAwait(false);
        await RecordAsync(caller, "", null, null, EgressAttempt.DeniedVerdict, caller is null ? DenyReasons.UnknownSource : DenyReasons.BadRequest, default, cancellationToken).ConfigureAwait(false);
    }

    private async Task SendAsync(byte[] response, CancellationToken cancellationToken)
    {
        try
        {
            await TunnelPump.SendAllAsync(client, response, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException)
        {
            // The client is gone; the attempt is still recorded.
        }
    }

    private Task RecordAsync(
        CallerIdentity? caller, string method, ProxyTarget? target, IPAddress? address, string verdict, string reason, TunnelResult result,
        CancellationToken cancellationToken, DebugContext? debug = null) =>
        services.Accounting.RecordAsync(new EgressAttempt
        {
            Kind = debug is null ? "egress.attempt" : "egress.debug",
            Namespace = debug?.Target.Namespace ?? caller?.Namespace ?? "",
            Task = debug?.Target.Task ?? caller?.TaskName ?? "",
            Pod = debug is { Pod.Length: > 0 } ? debug.Pod : caller?.PodName,
            Source = _source.ToString(),
            Method = method,
            Host = debug?.Target.Host ?? target?.Host ?? "",
            Port = target?.Port ?? 0,
            Address = address?.ToString(),
            Verdict = verdict,
            Reason = reason,
            User = debug?.User,
            BytesUp = result.BytesUp,
            BytesDown = result.BytesDown,
            Duration = Stopwatch.GetElapsedTime(_started),
        }, CancellationToken.None);
}
