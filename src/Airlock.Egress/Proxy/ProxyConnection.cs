using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Airlock.Egress.Accounting;
using Airlock.Egress.Debug;
using Airlock.Egress.Identity;
using Airlock.Egress.Matching;
using Airlock.Egress.Proxy.Http;

namespace Airlock.Egress.Proxy;

/// <summary>
/// One client connection: read and check each request head, find the caller by source address, decide, connect to the
/// checked address, then tunnel (CONNECT, which ends the connection's requests) or forward plain HTTP requests one after
/// another on a keep-alive connection. Every request ends in exactly one audit record.
/// </summary>
public sealed partial class ProxyConnection(ProxyServices services, Socket client)
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly IPAddress _source = AddressRanges.Canonical(((IPEndPoint)client.RemoteEndPoint!).Address);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var limits = services.Limits;
        using var reader = new SocketReader(client, limits.MaxHeadBytes);
        // A keep-alive connection lives no longer than a tunnel would.
        using var life = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        life.CancelAfter(limits.TunnelLifetime);
        try
        {
            for (var first = true; ; first = false)
            {
                var head = await ReadRequestAsync(reader, first, cancellationToken).ConfigureAwait(false);
                if (head is null) return;
                var caller = services.Directory.FindBySource(_source);
                var target = TargetParser.Parse(head);
                if (caller is null && target is not null && head.IsConnect && DebugTarget.TryParse(target.Host, target.Port) is { } debugTarget)
                {
                    await RunDebugAsync(head, debugTarget, reader.TakeBuffered(), cancellationToken).ConfigureAwait(false);
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
                if (head.IsConnect)
                {
                    // A tunnel ends the connection's requests: a kept-alive upstream of earlier plain requests is of no more use.
                    DropUpstream();
                    await RunConnectAsync(caller, head, target, reader.TakeBuffered(), cancellationToken).ConfigureAwait(false);
                    return;
                }
                if (!await ForwardAsync(caller, head, target, reader, life.Token).ConfigureAwait(false)) return;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
        {
            // The client went away or the proxy is stopping; nothing more to say to anyone.
        }
        finally
        {
            _upstream?.Dispose();
        }
    }

    /// <summary>
    /// The next request head, or null when the connection ends here (closed, idle past the keep-alive timeout, or refused
    /// as unreadable). The first head has <see cref="ProxyLimits.HeadReadTimeout"/> from the connection's start; later ones
    /// may wait <see cref="ProxyLimits.KeepAliveTimeout"/> for their first byte, then have the same head deadline.
    /// </summary>
    private async Task<RequestHead?> ReadRequestAsync(SocketReader reader, bool first, CancellationToken cancellationToken)
    {
        var limits = services.Limits;
        if (!first)
        {
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            idle.CancelAfter(limits.KeepAliveTimeout);
            try
            {
                if (!await reader.WaitForDataAsync(idle.Token).ConfigureAwait(false)) return null;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null;
            }
        }
        HeadRead read;
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            deadline.CancelAfter(limits.HeadReadTimeout);
            try
            {
                read = await reader.ReadHeadAsync(limits.MaxHeadBytes, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                await RefuseUnparsedAsync(408, "request head incomplete, too slow or too large", cancellationToken).ConfigureAwait(false);
                return null;
            }
            catch (SocketException)
            {
                return null;
            }
        }
        switch (read.Status)
        {
            case HeadReadStatus.Closed:
                return null;
            case HeadReadStatus.Truncated or HeadReadStatus.TooLarge:
                await RefuseUnparsedAsync(read.Status == HeadReadStatus.TooLarge ? 431 : 400, "request head incomplete, too slow or too large", cancellationToken)
                    .ConfigureAwait(false);
                return null;
        }
        var parsed = RequestHeadParser.Parse(read.Bytes.Span, limits);
        if (parsed.Head is { } head) return head;
        await RefuseUnparsedAsync(parsed.Status, parsed.Error, cancellationToken).ConfigureAwait(false);
        return null;
    }

    private async Task RunConnectAsync(CallerIdentity caller, RequestHead head, ProxyTarget target, ReadOnlyMemory<byte> early, CancellationToken cancellationToken)
    {
        var decision = await DecideAsync(caller, target, cancellationToken).ConfigureAwait(false);
        if (decision.DenyReason is { } reason)
        {
            await DenyAsync(caller, head, target, 403, reason, DenialMessage(reason, caller, target), close: true, Stopwatch.GetTimestamp(), cancellationToken).ConfigureAwait(false);
            return;
        }
        var quota = services.Quotas.For(caller.TaskKey);
        if (!quota.TryEnter())
        {
            var limit = QuotaReason(quota);
            await DenyAsync(caller, head, target, 429, limit, $"{limit} of task {caller.TaskKey} reached", close: true, Stopwatch.GetTimestamp(), cancellationToken).ConfigureAwait(false);
            return;
        }
        try
        {
            await TunnelAsync(caller, head, target, decision.Address!, early, quota, null, services.Limits.TunnelLifetime, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            quota.Exit();
        }
    }

    /// <summary>The allowlist's decision for a target, resolving names and checking every address they resolve to.</summary>
    private async Task<EgressDecision> DecideAsync(CallerIdentity caller, ProxyTarget target, CancellationToken cancellationToken)
    {
        var allowlist = EgressAllowlist.From(caller.Task.Spec.Egress);
        var decision = EgressDecider.ForTarget(target.Host, target.Port, allowlist, services.AddressPolicy);
        if (decision.ResolveName is not { } name) return decision;
        var resolved = await services.Resolver.ResolveAsync(name, cancellationToken).ConfigureAwait(false);
        return EgressDecider.ForResolved(resolved.Addresses, resolved.FromOverride, target.Port, allowlist, services.AddressPolicy) with { CheckedName = name };
    }

    private static string DenialMessage(string reason, CallerIdentity caller, ProxyTarget target) =>
        $"{reason} ({target.Authority} is not on the allowlist of task {caller.TaskKey})";

    private string QuotaReason(TaskQuota quota) => quota.Bytes >= services.Limits.MaxBytesPerTask ? DenyReasons.ByteLimit : DenyReasons.ConnectionLimit;

    /// <summary>Connects to <paramref name="address"/>, answers the CONNECT, pumps both ways, audits.</summary>
    private async Task TunnelAsync(
        CallerIdentity? caller, RequestHead head, ProxyTarget target, IPAddress address, ReadOnlyMemory<byte> early,
        TaskQuota? quota, DebugContext? debug, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var upstream = await ConnectAsync(address, target.Port, cancellationToken).ConfigureAwait(false);
        if (upstream is null)
        {
            await SendAsync(ProxyResponses.Status(502, $"could not connect to {target.Authority}"), cancellationToken).ConfigureAwait(false);
            await RecordAsync(caller, head.Method, target, address, EgressAttempt.ErrorVerdict, "connect-failed", default, cancellationToken, debug, started).ConfigureAwait(false);
            return;
        }
        services.Accounting.Metrics.ConnectionOpened();
        TunnelResult result;
        try
        {
            await SendAsync(ProxyResponses.ConnectEstablished, cancellationToken).ConfigureAwait(false);
            result = await new TunnelPump(client, upstream, services.Limits, quota).RunAsync(early, lifetime, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            services.Accounting.Metrics.ConnectionClosed();
        }
        await RecordAsync(caller, head.Method, target, address, EgressAttempt.AllowedVerdict, result.End == "closed" ? "" : result.End, result, cancellationToken, debug, started)
            .ConfigureAwait(false);
    }

    /// <summary>A connected socket, or null when the address did not answer within the connect timeout.</summary>
    private async Task<Socket?> ConnectAsync(IPAddress address, int port, CancellationToken cancellationToken)
    {
        var upstream = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            connectTimeout.CancelAfter(services.Limits.ConnectTimeout);
            await upstream.ConnectAsync(new IPEndPoint(address, port), connectTimeout.Token).ConfigureAwait(false);
            return upstream;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            upstream.Dispose();
            return null;
        }
        catch
        {
            upstream.Dispose();
            throw;
        }
    }

    private async Task DenyAsync(
        CallerIdentity caller, RequestHead head, ProxyTarget target, int status, string reason, string message, bool close, long started, CancellationToken cancellationToken)
    {
        await SendAsync(ProxyResponses.Status(status, message, close), cancellationToken).ConfigureAwait(false);
        await RecordAsync(caller, head.Method, target, null, EgressAttempt.DeniedVerdict, reason, default, cancellationToken, started: started).ConfigureAwait(false);
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
        CancellationToken cancellationToken, DebugContext? debug = null, long? started = null) =>
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
            Duration = Stopwatch.GetElapsedTime(started ?? _started),
        }, CancellationToken.None);
}
