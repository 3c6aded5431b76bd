using System.Net.Sockets;

namespace Airlock.Egress.Proxy.Http;

/// <summary>
/// One plain-HTTP request forwarded on an upstream connection and its response passed back: the rewritten head, the body
/// as framed (sent while the response is awaited, so <c>Expect: 100-continue</c> works), interim 1xx answers, the final
/// response as framed. Never reads past the end of the request, so a pipelined next request stays in the client reader.
/// </summary>
public sealed class PlainHttpExchange(ProxyLimits limits, Socket client, SocketReader clientReader)
{
    public async Task<ExchangeResult> RunAsync(
        RequestHead head, byte[] upstreamHead, BodyFraming requestFraming, UpstreamConnection upstream, bool clientClose, CancellationToken cancellationToken)
    {
        using var idle = new IdleDeadline(limits.IdleTimeout, cancellationToken);
        using var exchange = CancellationTokenSource.CreateLinkedTokenSource(idle.Token);
        var copier = new BodyCopier(limits, upstream.Quota);
        long up = 0, down = 0;
        Task<long> upload = Task.FromResult(0L);
        var uploadFailed = false;
        var answered = false;
        try
        {
            if (!upstream.Quota.TryAddBytes(upstreamHead.Length)) throw new ByteLimitException();
            await TunnelPump.SendAllAsync(upstream.Socket, upstreamHead, exchange.Token).ConfigureAwait(false);
            up += upstreamHead.Length;
            if (requestFraming.Kind != BodyFramingKind.None) upload = UploadAsync();
            while (true)
            {
                var read = await upstream.Reader.ReadHeadAsync(limits.MaxResponseHeadBytes, exchange.Token).ConfigureAwait(false);
                if (read.Status != HeadReadStatus.Ok)
                    return End(read.Status == HeadReadStatus.TooLarge ? ExchangeEnd.BadResponse : ExchangeEnd.NoResponse);
                var response = ResponseHeadParser.Parse(read.Bytes.Span, limits.MaxResponseHeaderCount);
                // 101 would turn the connection into another protocol; the proxy never forwards Upgrade, so none was asked for.
                if (response is null || response.Status == 101 || MessageFraming.ForResponse(head.Method, response) is not { } framing)
                    return End(ExchangeEnd.BadResponse);
                var close = clientClose || framing.Kind == BodyFramingKind.UntilClose;
                var responseHead = ResponseHeadWriter.Build(response, close);
                if (!upstream.Quota.TryAddBytes(responseHead.Length)) throw new ByteLimitException();
                answered = true;
                await TunnelPump.SendAllAsync(client, responseHead, exchange.Token).ConfigureAwait(false);
                idle.Touch();
                down += responseHead.Length;
                if (response.IsInterim) continue;
                down += await copier.CopyAsync(upstream.Reader, client, framing, idle, exchange.Token).ConfigureAwait(false);
                // A server may answer before it has read the whole body (an early 413): then where the request ends in the
                // client's stream is unknown, and both connections close.
                var uploaded = upload.IsCompletedSuccessfully;
                if (uploaded) up += upload.Result;
                var reusable = uploaded && !close && response.Version == "HTTP/1.1" && !HeaderLines.HasConnectionOption(response.Headers, "close")
                    && upstream.Reader.Buffered == 0;
                return new ExchangeResult(up, down, ExchangeEnd.Complete, uploaded && !close, reusable);
            }
        }
        catch (ByteLimitException)
        {
            return End(ExchangeEnd.ByteLimit);
        }
        catch (HttpFramingException)
        {
            return End(uploadFailed ? ExchangeEnd.BadRequestBody : ExchangeEnd.BadResponse);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
        {
            if (uploadFailed) return End(ExchangeEnd.BadRequestBody);
            if (idle.TimedOut) return End(ExchangeEnd.IdleTimeout);
            return End(cancellationToken.IsCancellationRequested || answered || e is not SocketException ? ExchangeEnd.Aborted : ExchangeEnd.NoResponse);
        }
        finally
        {
            if (!upload.IsCompleted) await exchange.CancelAsync().ConfigureAwait(false);
            await ((Task)upload).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        ExchangeResult End(ExchangeEnd end) => new(up, down, end, ClientKeepAlive: false, UpstreamReusable: false) { Answered = answered };

        async Task<long> UploadAsync()
        {
            try
            {
                return await copier.CopyAsync(clientReader, upstream.Socket, requestFraming, idle, exchange.Token).ConfigureAwait(false);
            }
            catch (HttpFramingException)
            {
                // The client's body is broken: stop waiting for an answer to a request the server never got whole.
                uploadFailed = true;
                await exchange.CancelAsync().ConfigureAwait(false);
                throw;
            }
        }
    }
}
