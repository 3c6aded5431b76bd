using System.Net;
using Airlock.Api.Tasks;
using Airlock.Egress.Proxy;
using Airlock.Egress.Tests.Support;

namespace Airlock.Egress.Tests.EndToEnd;

/// <summary>
/// Plain HTTP with keep-alive, as curl with several URLs, pip and Python requests sessions use it: several requests on one
/// client connection, each decided and audited on its own. allowed.test and other.test both resolve to loopback, where two
/// keep-alive servers listen on their own ports.
/// </summary>
[NonParallelizable]
public class EgressKeepAliveEndToEndTests
{
    private EgressCluster _cluster = null!;
    private KeepAliveHttpServer _a = null!;
    private KeepAliveHttpServer _b = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _cluster = await EgressCluster.StartAsync(new ProxyLimits { HeadReadTimeout = TimeSpan.FromSeconds(1), KeepAliveTimeout = TimeSpan.FromSeconds(1) });
        _a = new KeepAliveHttpServer();
        _b = new KeepAliveHttpServer();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    private AgentTaskSpec AllowBoth() => new()
    {
        Egress = [new EgressRule { Host = "allowed.test", Ports = [_a.Port] }, new EgressRule { Host = "other.test", Ports = [_b.Port] }],
    };

    private string Get(string host, int port, string path = "/", string extra = "") => $"GET http://{host}:{port}{path} HTTP/1.1\r\nHost: {host}\r\n{extra}\r\n";

    private async Task<(string Namespace, ProxyClient Client)> ConnectAsync(AgentTaskSpec? spec = null)
    {
        var (ns, pod) = await _cluster.StartSandboxAsync(spec ?? AllowBoth());
        return (ns, await ProxyClient.ConnectAsync(_cluster.ProxyEndpoint, pod));
    }

    [Test]
    public async Task Two_requests_on_one_connection_reach_two_allowed_hosts()
    {
        var (_, client) = await ConnectAsync();
        using var _ = client;

        await client.SendAsync(Get("allowed.test", _a.Port, "/one"));
        var first = await client.ReadResponseAsync();
        await client.SendAsync(Get("other.test", _b.Port, "/two"));
        var second = await client.ReadResponseAsync();

        first.Body.Should().StartWith("conn=").And.Contain($"host=allowed.test:{_a.Port} target=/one");
        second.Body.Should().Contain($"host=other.test:{_b.Port} target=/two");
    }

    [Test]
    public async Task Requests_to_the_same_host_reuse_one_upstream_connection()
    {
        var (_, client) = await ConnectAsync();
        using var _ = client;

        await client.SendAsync(Get("allowed.test", _a.Port, "/1"));
        var first = await client.ReadResponseAsync();
        await client.SendAsync(Get("allowed.test", _a.Port, "/2"));
        var second = await client.ReadResponseAsync();

        var connection = first.Body.Split(' ')[0];
        second.Body.Should().StartWith($"{connection} req=2 ");
    }

    [Test]
    public async Task A_disallowed_host_after_an_allowed_one_gets_403_and_the_connection_stays_usable()
    {
        var (_, client) = await ConnectAsync();
        using var _ = client;

        await client.SendAsync(Get("allowed.test", _a.Port));
        var allowed = await client.ReadResponseAsync();
        await client.SendAsync(Get("elsewhere.test", 80));
        var refused = await client.ReadResponseAsync();
        await client.SendAsync(Get("allowed.test", _a.Port, "/again"));
        var again = await client.ReadResponseAsync();

        allowed.Status.Should().Be(200);
        refused.Status.Should().Be(403);
        refused.Body.Should().Contain("host-not-allowed");
        refused.Closes.Should().BeFalse();
        again.Body.Should().Contain("target=/again");
    }

    [Test]
    public async Task A_refused_request_with_a_body_closes_the_connection()
    {
        var (_, client) = await ConnectAsync();
        using var _ = client;

        await client.SendAsync("POST http://elsewhere.test/ HTTP/1.1\r\nHost: elsewhere.test\r\nContent-Length: 3\r\n\r\nabc");
        var refused = await client.ReadResponseAsync();

        refused.Status.Should().Be(403);
        refused.Closes.Should().BeTrue();
        (await client.ClosedAsync()).Should().BeTrue();
    }

    [Test]
    public async Task Pipelined_requests_are_answered_in_order()
    {
        var (_, client) = await ConnectAsync();
        using var _ = client;

        await client.SendAsync(Get("allowed.test", _a.Port, "/first") + Get("other.test", _b.Port, "/second") + Get("allowed.test", _a.Port, "/third"));
        var answers = new[] { await client.ReadResponseAsync(), await client.ReadResponseAsync(), await client.ReadResponseAsync() };

        answers.Select(a => a.Body.Split(' ')[3]).Should().Equal("target=/first", "target=/second", "target=/third");
    }

    [Test]
    public async Task A_chunked_request_body_reaches_the_server_whole_and_the_next_request_follows()
    {
        var (_, client) = await ConnectAsync();
        using var _ = client;

        await client.SendAsync($"POST http://allowed.test:{_a.Port}/upload HTTP/1.1\r\nHost: allowed.test\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nX-Sum: 1\r\n\r\n" + Get("allowed.test", _a.Port, "/next"));
        var upload = await client.ReadResponseAsync();
        var next = await client.ReadResponseAsync();

        upload.Body.Should().Contain("body=hello world ");
        next.Body.Should().Contain("target=/next body= ");
    }

    [Test]
    public async Task A_content_length_body_is_forwarded_exactly()
    {
        var (_, client) = await ConnectAsync();
        using var _ = client;

        await client.SendAsync($"PUT http://allowed.test:{_a.Port}/put HTTP/1.1\r\nHost: allowed.test\r\nContent-Length: 7\r\n\r\npayload" + Get("allowed.test", _a.Port, "/after"));
        var put = await client.ReadResponseAsync();
        var after = await client.ReadResponseAsync();

        put.Body.Should().Contain("body=payload ");
        after.Body.Should().Contain("target=/after");
    }

    [Test]
    public async Task A_garbage_second_request_is_answered_400_and_the_connection_closes()
    {
        var (_, client) = await ConnectAsync();
        using var _ = client;

        await client.SendAsync(Get("allowed.test", _a.Port));
        var first = await client.ReadResponseAsync();
        await client.SendAsync("\u0016\u0003\u0001 garbage\r\n\r\n");
        var garbage = await client.ReadResponseAsync();

        first.Status.Should().Be(200);
        garbage.Status.Should().Be(400);
        (await client.ClosedAsync()).Should().BeTrue();
    }

    [Test]
    public async Task Connection_close_from_the_client_is_passed_on_and_ends_the_connection()
    {
        var (_, client) = await ConnectAsync();
        using var _ = client;

        await client.SendAsync(Get("allowed.test", _a.Port, "/", "Connection: close\r\n"));
        var answer = await client.ReadResponseAsync();

        answer.Closes.Should().BeTrue();
        (await client.ClosedAsync()).Should().BeTrue();
    }

    [Test]
    public async Task A_chunked_response_is_passed_through_and_the_connection_stays_usable()
    {
        var (_, client) = await ConnectAsync();
        using var _ = client;

        await client.SendAsync(Get("allowed.test", _a.Port, "/chunked"));
        var chunked = await client.ReadResponseAsync();
        await client.SendAsync(Get("allowed.test", _a.Port, "/after"));
        var after = await client.ReadResponseAsync();

        chunked.Head.Should().Contain("Transfer-Encoding: chunked").And.NotContain("Keep-Alive");
        chunked.Body.Should().Contain("target=/chunked");
        after.Body.Should().Contain("target=/after");
    }

    [Test]
    public async Task A_response_delimited_by_close_closes_the_client_connection()
    {
        var (_, client) = await ConnectAsync();
        using var _ = client;

        await client.SendAsync(Get("allowed.test", _a.Port, "/until-close"));
        var answer = await client.ReadResponseAsync();

        answer.Closes.Should().BeTrue();
        answer.Body.Should().Contain("target=/until-close");
    }

    [Test]
    public async Task Proxy_and_connection_listed_headers_never_reach_the_server()
    {
        var (_, client) = await ConnectAsync();
        using var _ = client;

        await client.SendAsync(Get("allowed.test", _a.Port, "/", "Proxy-Authorization: Basic eDp5\r\nProxy-Connection: keep-alive\r\nConnection: X-Secret\r\nX-Secret: 1\r\nAccept: */*\r\n"));
        var answer = await client.ReadResponseAsync();

        answer.Body.Should().EndWith("headers=Host,Accept");
    }

    [Test]
    public async Task Each_request_on_a_connection_is_audited_on_its_own()
    {
        var (ns, client) = await ConnectAsync();
        using var _ = client;

        await client.SendAsync(Get("allowed.test", _a.Port, "/a"));
        await client.ReadResponseAsync();
        await client.SendAsync(Get("elsewhere.test", 80));
        await client.ReadResponseAsync();
        await client.SendAsync(Get("other.test", _b.Port, "/b"));
        await client.ReadResponseAsync();

        _cluster.Audit.Snapshot().Where(r => r.Namespace == ns).Select(r => ((string?)r.Data["host"], (string?)r.Data["verdict"])).Should().Equal(
            ("allowed.test", "allowed"), ("elsewhere.test", "denied"), ("other.test", "allowed"));
    }

    [Test]
    public async Task An_idle_keep_alive_connection_is_closed_without_a_word()
    {
        var (_, client) = await ConnectAsync();
        using var _ = client;
        await client.SendAsync(Get("allowed.test", _a.Port));
        await client.ReadResponseAsync();

        (await client.ReadToEndAsync()).Should().BeEmpty();
    }

    [Test]
    public async Task A_second_head_sent_too_slowly_is_answered_408()
    {
        var (_, client) = await ConnectAsync();
        using var _ = client;
        await client.SendAsync(Get("allowed.test", _a.Port));
        await client.ReadResponseAsync();

        await client.SendAsync($"GET http://allowed.test:{_a.Port}/ HTTP/1.1\r\nX-Slow: ");

        (await client.ReadToEndAsync()).Should().StartWith("HTTP/1.1 408");
    }

    [Test]
    public async Task A_pod_whose_task_stopped_running_is_refused_on_its_open_connection()
    {
        var (ns, client) = await ConnectAsync();
        using var _ = client;
        await client.SendAsync(Get("allowed.test", _a.Port));
        await client.ReadResponseAsync();

        await _cluster.SetPhaseAsync(ns, "agent", AgentTaskPhase.Succeeded);
        await Airlock.Testing.Eventually.UntilAsync(() => _cluster.Proxy.Directory.FindBySource(client.LocalEndPoint.Address) is null,
            "the proxy to forget the pod of a finished task");
        await client.SendAsync(Get("allowed.test", _a.Port));

        (await client.ReadToEndAsync()).Should().Be("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    }
}
