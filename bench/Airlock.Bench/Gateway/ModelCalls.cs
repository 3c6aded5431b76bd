using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Airlock.Bench.Gateway;

/// <summary>
/// The load generator's model calls: blocking <see cref="HttpClient.Send(HttpRequestMessage)"/> on the caller's (dedicated)
/// thread over kept-alive connections, one chat completion per call with a caller-chosen marker in the prompt.
/// </summary>
public sealed class ModelCalls(Uri baseUrl, string? token, int connections) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseProxy = false,
    })
    { Timeout = TimeSpan.FromSeconds(30) };

    private readonly Uri _url = new(baseUrl, "v1/chat/completions");

    /// <summary>Milliseconds until the whole answer is read; throws unless 200.</summary>
    public double Call(string marker)
    {
        var start = Stopwatch.GetTimestamp();
        var status = TryCall(marker);
        if (status != HttpStatusCode.OK) throw new HttpRequestException($"{_url} answered {(int)status}");
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    /// <summary>The status of one call (0 when the connection failed).</summary>
    public HttpStatusCode TryCall(string marker)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _url)
        {
            Content = new StringContent(
                $$"""{"model":"{{AgentIdentity.Model}}","messages":[{"role":"system","content":"You label GitHub issues."},{"role":"user","content":"Label this issue: the build fails on a missing dependency. {{marker}}"}]}""",
                Encoding.UTF8, "application/json"),
        };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = _http.Send(request, HttpCompletionOption.ResponseContentRead);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
        catch (TaskCanceledException)
        {
            return 0;
        }
    }

    public void Dispose() => _http.Dispose();
}
