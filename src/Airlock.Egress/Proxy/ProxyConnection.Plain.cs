using System.Diagnostics;
using Airlock.Egress.Accounting;
using Airlock.Egress.Identity;
using Airlock.Egress.Matching;
using Airlock.Egress.Proxy.Http;

namespace Airlock.Egress.Proxy;

/// <summary>
/// Plain HTTP with keep-alive: each request on the client connection is decided on its own (the caller's task is looked up
/// again, its host resolved and checked again) and audited on its own. The upstream connection is reused only for the
/// next request to the same checked host, port and address; any other target gets a new one.
/// </summary>
/// <remarks>
/// A refused request without a body is answered (403, 429, 502) and the connection stays open for the next one, as a
/// server would; a refused request with a body, any malformed request and anything after which the stream position is
/// unknown closes the connection, so a body can never be read as a request.
/// </remarks>
public sealed partial class ProxyConnection
{
    private static readonly HashSet<string> Idempotent = new(StringComparer.Ordinal) { "GET", "HEAD", "OPTIONS", "TRACE" };
    private UpstreamConnection? _upstream;

    /// <summary>Forwards one plain-HTTP request; true when the client connection stays open for another.</summary>
    private async Task<bool> ForwardAsync(CallerIdentity caller, RequestHead head, ProxyTarget target, SocketReader reader, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var framing = MessageFraming.ForRequest(head);
        var clientClose = head.Version == "HTTP/1.0" || HeaderLines.HasConnectionOption(head.Headers, "close");
        if (framing is not { } requestFraming || head.Count("Host") > 1)
        {
            await DenyAsync(caller, head, target, 400, DenyReasons.BadRequest,
                "ambiguous request (duplicate Host or Content-Length, Content-Length with Transfer-Encoding, or a coding other than chunked)",
                close: true, started, cancellationToken).ConfigureAwait(false);
            return false;
        }
        var keepAfterRefusal = requestFraming.Kind == BodyFramingKind.None && !clientClose;
        var decision = await DecideAsync(caller, target, cancellationToken).ConfigureAwait(false);
        if (decision.DenyReason is { } reason)
        {
            await DenyAsync(caller, head, target, 403, reason, DenialMessage(reason, caller, target), !keepAfterRefusal, started, cancellationToken).ConfigureAwait(false);
            return keepAfterRefusal;
        }
        var checkedHost = decision.CheckedName ?? target.Host;
        var upstreamHead = UpstreamRequest.Build(head, target with { Host = checkedHost }, clientClose)!;
        for (var attempt = 0; ; attempt++)
        {
            var reused = await EnsureUpstreamAsync(caller, checkedHost, target.Port, decision.Address!, cancellationToken).ConfigureAwait(false);
            if (_upstream is not { } upstream)
            {
                var quota = services.Quotas.For(caller.TaskKey);
                if (reused is null)
                {
                    var limit = QuotaReason(quota);
                    await DenyAsync(caller, head, target, 429, limit, $"{limit} of task {caller.TaskKey} reached", !keepAfterRefusal, started, cancellationToken).ConfigureAwait(false);
                    return keepAfterRefusal;
                }
                await SendAsync(ProxyResponses.Status(502, $"could not connect to {target.Authority}", !keepAfterRefusal), cancellationToken).ConfigureAwait(false);
                await RecordAsync(caller, head.Method, target, decision.Address, EgressAttempt.ErrorVerdict, "connect-failed", default, cancellationToken, started: started)
                    .ConfigureAwait(false);
                return keepAfterRefusal;
            }
            var result = await new PlainHttpExchange(services.Limits, client, reader)
                .RunAsync(head, upstreamHead, requestFraming, upstream, clientClose, cancellationToken).ConfigureAwait(false);
            if (!result.UpstreamReusable) DropUpstream();
            // A kept-alive connection the server had already closed: a bodiless idempotent request is sent again, once, on a new one.
            if (result.End == ExchangeEnd.NoResponse && reused == true && attempt == 0 && requestFraming.Kind == BodyFramingKind.None && Idempotent.Contains(head.Method))
                continue;
            await FinishAsync(caller, head, target, decision, result, started, cancellationToken).ConfigureAwait(false);
            return result.ClientKeepAlive;
        }
    }

    /// <summary>
    /// Makes <see cref="_upstream"/> a connection for exactly this host, port and address: true when a kept-alive one is
    /// reused, false when a new one was opened (or could not be: then <see cref="_upstream"/> is null), null when the task
    /// is at its connection or byte limit.
    /// </summary>
    private async Task<bool?> EnsureUpstreamAsync(CallerIdentity caller, string host, int port, System.Net.IPAddress address, CancellationToken cancellationToken)
    {
        if (_upstream is { } current)
        {
            if (current.Serves(host, port, address) && current.LooksReusable()) return true;
            DropUpstream();
        }
        var quota = services.Quotas.For(caller.TaskKey);
        if (!quota.TryEnter()) return null;
        var socket = await ConnectAsync(address, port, cancellationToken).ConfigureAwait(false);
        if (socket is null)
        {
            quota.Exit();
            return false;
        }
        services.Accounting.Metrics.ConnectionOpened();
        _upstream = new UpstreamConnection(socket, host, port, address, quota, services.Limits.MaxResponseHeadBytes, services.Accounting.Metrics.ConnectionClosed);
        return false;
    }

    private void DropUpstream()
    {
        _upstream?.Dispose();
        _upstream = null;
    }

    /// <summary>Audits the exchange; when nothing reached the client yet, tells it why with a status of the proxy's own.</summary>
    private async Task FinishAsync(
        CallerIdentity caller, RequestHead head, ProxyTarget target, EgressDecision decision, ExchangeResult result, long started, CancellationToken cancellationToken)
    {
        if (!result.Answered)
        {
            var (status, message) = result.End switch
            {
                ExchangeEnd.BadRequestBody => (400, "the request body does not match its framing"),
                ExchangeEnd.ByteLimit => (429, $"{DenyReasons.ByteLimit} of task {caller.TaskKey} reached"),
                ExchangeEnd.IdleTimeout => (504, $"{target.Authority} did not answer in time"),
                ExchangeEnd.Aborted => (0, ""),
                _ => (502, $"{target.Authority} sent no valid response"),
            };
            if (status != 0) await SendAsync(ProxyResponses.Status(status, message), cancellationToken).ConfigureAwait(false);
        }
        var verdict = result.End is ExchangeEnd.NoResponse or ExchangeEnd.BadResponse && !result.Answered ? EgressAttempt.ErrorVerdict : EgressAttempt.AllowedVerdict;
        await RecordAsync(caller, head.Method, target, decision.Address, verdict, result.Reason, new TunnelResult(result.BytesUp, result.BytesDown, result.Reason),
            cancellationToken, started: started).ConfigureAwait(false);
    }
}
