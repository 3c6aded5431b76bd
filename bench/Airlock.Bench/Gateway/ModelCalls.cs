using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Airlock.Bench.Gateway;

/// <summary>
/// The load generator's model calls: blocking <see cref="HttpClient.Send(HttpRequestMessage)"/> on the caller's (dedicated)
/// thread over kept-alive connections, one chat completion per call with a caller-chosen marker in the last user message.
/// With a <see cref="History"/>, every call resends the same earlier conversation first, as agents do. The new message is
/// never one sent before (a process-wide number follows the marker), so the gateway's scan cache cannot answer for it.
/// </summary>
public sealed class ModelCalls(Uri baseUrl, string? token, int connections, string? history = null) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseProxy = false,
    })
    { Timeout = TimeSpan.FromSeconds(30) };

    private static long _sent;

    private readonly Uri _url = new(baseUrl, "v1/chat/completions");

    /// <summary>The JSON of the messages sent before the new one (without brackets), or null.</summary>
    public string? History { get; } = history;

    /// <summary>
    /// A conversation of <paramref name="turns"/> rounds (an assistant tool call, then its ~1 KB tool result) after the system
    /// and first user message, as the messages JSON <see cref="ModelCalls"/> puts before each new message.
    /// </summary>
    public static string Conversation(int turns)
    {
        var builder = new StringBuilder("""{"role":"system","content":"You triage GitHub issues. Use the tools to read the repository."},{"role":"user","content":"Triage issue 4211: the build fails on a missing dependency."}""");
        for (var i = 0; i < turns; i++)
        {
            builder.Append($$$""",{"role":"assistant","content":null,"tool_calls":[{"id":"call_{{{i}}}","type":"function","function":{"name":"read_file","arguments":"{\"path\":\"src/module{{{i}}}/build.gradle\"}"}}]}""");
            var file = string.Concat(Enumerable.Repeat($"dependencies {{ implementation 'org.example:library-{i}:1.{i}.0' }} // module {i} of the build, ", 10));
            builder.Append($$$""",{"role":"tool","tool_call_id":"call_{{{i}}}","content":"{{{file}}}"}""");
        }
        return builder.ToString();
    }

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
        var earlier = History is null ? """{"role":"system","content":"You label GitHub issues."},""" : History + ",";
        using var request = new HttpRequestMessage(HttpMethod.Post, _url)
        {
            Content = new StringContent(
                $$"""{"model":"{{AgentIdentity.Model}}","messages":[{{earlier}}{"role":"user","content":"Label this issue: the build fails on a missing dependency. {{marker}}-{{Interlocked.Increment(ref _sent)}}"}]}""",
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
