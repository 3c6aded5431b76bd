using Airlock.Api.Tasks;
using Airlock.Egress.Tests.Support;
using Airlock.Testing;

namespace Airlock.Egress.Tests.EndToEnd;

/// <summary>
/// Plain HTTP with keep-alive, as curl with several URLs, pip and Python requests sessions use it: several requests on one
/// client connection, each decided and audited on its own.
/// </summary>
[NonParallelizable]
public class EgressKeepAliveEndToEndTests : KeepAliveTestBase
{
    [Test]
    public async Task Two_requests_on_one_connection_reach_two_allowed_hosts()
    {
        var (_, client) = await ConnectAsync();
        using var _ = client;

        await client.SendAsync(Get("allowed.test", A.Port, "/one"));
        var first = await client.ReadResponseAsync();
        await client.SendAsync(Get("other.test", B.Port, "/two"));
        var second = await client.ReadResponseAsync();

        first.Body.Should().StartWith("conn=").And.Contain($"host=allowed.test:{A.Port} target=/one");
        second.Body.Should().Contain($"host=other.test:{B.Port} target=/two");
    }

    [Test]
    public async Task Requests_to_the_same_host_reuse_one_upstream_connection()
    {
        var (_, client) = await ConnectAsync();
        using var _ = client;

        await client.SendAsync(Get("allowed.test", A.Port, "/1"));
        var first = await client.ReadResponseAsync();
        await client.SendAsync(Get("allowed.test", A.Port, "/2"));
        var second = await client.ReadResponseAsync();

        var connection = first.Body.Split(' ')[0];
        second.Body.Should().StartWith($"{connection} req=2 ");
    }

    [Test]
    public async Task A_disallowed_host_after_an_allowed_one_gets_403_and_the_connection_stays_usable()
    {
        var (_, client) = await ConnectAsync();
        using var _ = client;

        await client.SendAsync(Get("allowed.test", A.Port));
        var allowed = await client.ReadResponseAsync();
        await client.SendAsync(Get("elsewhere.test", 80));
        var refused = await client.ReadResponseAsync();
        await client.SendAsync(Get("allowed.test", A.Port, "/again"));
        var again = await client.ReadResponseAsync();

        allowed.Status.Should().Be(200);
        refused.Status.Should().Be(403);
        refused.Body.Should().Contain("host-not-allowed");
        refused.Closes.Should().BeFalse();
        again.Body.Should().Contain("target=/again");
    }

    [Test]
    public async Task Pipelined_requests_are_answered_in_order()
    {
        var (_, client) = await ConnectAsync();
        using var _ = client;

        await client.SendAsync(Get("allowed.test", A.Port, "/first") + Get("other.test", B.Port, "/second") + Get("allowed.test", A.Port, "/third"));
        var answers = new[] { await client.ReadResponseAsync(), await client.ReadResponseAsync(), await client.ReadResponseAsync() };

        answers.Select(a => a.Body.Split(' ')[3]).Should().Equal("target=/first", "target=/second", "target=/third");
    }

    [Test]
    public async Task A_garbage_second_request_is_answered_400_and_the_connection_closes()
    {
        var (_, client) = await ConnectAsync();
        using var _ = client;

        await client.SendAsync(Get("allowed.test", A.Port));
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

        await client.SendAsync(Get("allowed.test", A.Port, "/", "Connection: close\r\n"));
        var answer = await client.ReadResponseAsync();

        answer.Closes.Should().BeTrue();
        (await client.ClosedAsync()).Should().BeTrue();
    }

    [Test]
    public async Task Each_request_on_a_connection_is_audited_on_its_own()
    {
        var (ns, client) = await ConnectAsync();
        using var _ = client;

        await client.SendAsync(Get("allowed.test", A.Port, "/a"));
        await client.ReadResponseAsync();
        await client.SendAsync(Get("elsewhere.test", 80));
        await client.ReadResponseAsync();
        await client.SendAsync(Get("other.test", B.Port, "/b"));
        await client.ReadResponseAsync();

        Cluster.Audit.Snapshot().Where(r => r.Namespace == ns).Select(r => ((string?)r.Data["host"], (string?)r.Data["verdict"])).Should().Equal(
            ("allowed.test", "allowed"), ("elsewhere.test", "denied"), ("other.test", "allowed"));
    }

    [Test]
    public async Task An_idle_keep_alive_connection_is_closed_without_a_word()
    {
        var (_, client) = await ConnectAsync();
        using var _ = client;
        await client.SendAsync(Get("allowed.test", A.Port));
        await client.ReadResponseAsync();

        (await client.ReadToEndAsync()).Should().BeEmpty();
    }

    [Test]
    public async Task A_second_head_sent_too_slowly_is_answered_408()
    {
        var (_, client) = await ConnectAsync();
        using var _ = client;
        await client.SendAsync(Get("allowed.test", A.Port));
        await client.ReadResponseAsync();

        await client.SendAsync($"GET http://allowed.test:{A.Port}/ HTTP/1.1\r\nX-Slow: ");

        (await client.ReadToEndAsync()).Should().StartWith("HTTP/1.1 408");
    }

    [Test]
    public async Task A_pod_whose_task_stopped_running_is_refused_on_its_open_connection()
    {
        var (ns, client) = await ConnectAsync();
        using var _ = client;
        await client.SendAsync(Get("allowed.test", A.Port));
        await client.ReadResponseAsync();

        await Cluster.SetPhaseAsync(ns, "agent", AgentTaskPhase.Succeeded);
        await Eventually.UntilAsync(() => Cluster.Proxy.Directory.FindBySource(client.LocalEndPoint.Address) is null,
            "the proxy to forget the pod of a finished task");
        await client.SendAsync(Get("allowed.test", A.Port));

        (await client.ReadToEndAsync()).Should().Be("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    }

    [Test]
    public async Task A_server_that_closes_after_each_response_still_serves_a_kept_alive_client()
    {
        await using var oneShot = new LoopbackHttpServer();
        var (_, client) = await ConnectAsync(new AgentTaskSpec { Egress = [new EgressRule { Host = "allowed.test", Ports = [oneShot.Port] }] });
        using var _ = client;

        await client.SendAsync(Get("allowed.test", oneShot.Port, "/1"));
        var first = await client.ReadResponseAsync();
        await client.SendAsync(Get("allowed.test", oneShot.Port, "/2"));
        var second = await client.ReadResponseAsync();

        first.Closes.Should().BeFalse();
        second.Body.Should().EndWith("target=/2");
    }

    [Test]
    public async Task A_connect_after_plain_requests_on_the_same_connection_opens_a_tunnel()
    {
        var (_, client) = await ConnectAsync();
        using var _ = client;
        await client.SendAsync(Get("allowed.test", A.Port, "/plain"));
        await client.ReadResponseAsync();

        await client.SendAsync($"CONNECT other.test:{B.Port} HTTP/1.1\r\n\r\n");
        var established = await client.ReadHeadAsync();
        await client.SendAsync("GET /inside HTTP/1.1\r\nHost: other.test\r\nConnection: close\r\n\r\n");

        established.Should().StartWith("HTTP/1.1 200 Connection Established");
        (await client.ReadToEndAsync()).Should().Contain("target=/inside");
    }
}
