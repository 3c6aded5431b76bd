using System.Net;
using Airlock.Api.Tasks;
using Airlock.Egress.Tests.Support;
using Airlock.Operator.Governance.Quarantine;
using Airlock.Runtime.Events;
using Airlock.Testing;
using k8s;
using k8s.Models;

namespace Airlock.Egress.Tests.EndToEnd;

/// <summary>
/// The proxy against the local control plane: a client bound to the sandbox pod's 127.x address plays the agent; a
/// loopback server plays the internet host (allowed.test resolves to it through the override map).
/// </summary>
[NonParallelizable]
public class EgressProxyEndToEndTests
{
    private EgressCluster _cluster = null!;
    private LoopbackHttpServer _upstream = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _cluster = await EgressCluster.StartAsync();
        _upstream = new LoopbackHttpServer();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _upstream.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    private AgentTaskSpec AllowUpstream() => new() { Egress = [new EgressRule { Host = "allowed.test", Ports = [_upstream.Port] }] };

    private Task<string> ExchangeAsync(IPAddress source, string request) => ProxyClient.ExchangeAsync(_cluster.ProxyEndpoint, source, request);

    [Test]
    public async Task Plain_http_to_an_allowed_host_reaches_the_server_with_the_checked_host()
    {
        var (_, pod) = await _cluster.StartSandboxAsync(AllowUpstream());

        var answer = await ExchangeAsync(pod, $"GET http://ALLOWED.test:{_upstream.Port}/hello?x=1 HTTP/1.1\r\nHost: evil.test\r\nConnection: close\r\n\r\n");

        answer.Should().StartWith("HTTP/1.1 200 OK").And.EndWith($"seen Host=allowed.test:{_upstream.Port} target=/hello?x=1");
    }

    [Test]
    public async Task Connect_to_an_allowed_host_tunnels_bytes_both_ways()
    {
        var (_, pod) = await _cluster.StartSandboxAsync(AllowUpstream());
        using var client = await ProxyClient.ConnectAsync(_cluster.ProxyEndpoint, pod);

        await client.SendAsync($"CONNECT allowed.test:{_upstream.Port} HTTP/1.1\r\nHost: allowed.test:{_upstream.Port}\r\n\r\n");
        var established = await client.ReadHeadAsync();
        await client.SendAsync("GET /inside HTTP/1.1\r\nHost: allowed.test\r\n\r\n");
        var answer = await client.ReadToEndAsync();

        established.Should().StartWith("HTTP/1.1 200 Connection Established");
        answer.Should().EndWith("seen Host=allowed.test target=/inside");
    }

    [TestCase("other.test", 0, TestName = "A_host_not_on_the_list_is_refused")]
    [TestCase("allowed.test", 1, TestName = "A_port_not_on_the_list_is_refused")]
    [TestCase("127.0.0.1", 0, TestName = "An_ip_literal_is_refused")]
    [TestCase("169.254.169.254", 0, TestName = "The_metadata_address_is_refused")]
    public async Task Refused_targets_get_403_and_never_reach_a_server(string host, int portOffset)
    {
        var spec = AllowUpstream();
        spec.Egress!.Add(new EgressRule { Host = "meta.test", Ports = [80] });
        var (_, pod) = await _cluster.StartSandboxAsync(spec);
        var before = _upstream.Requests;

        var answer = await ExchangeAsync(pod, $"CONNECT {host}:{_upstream.Port + portOffset} HTTP/1.1\r\n\r\n");

        answer.Should().StartWith("HTTP/1.1 403 Forbidden");
        _upstream.Requests.Should().Be(before);
    }

    [TestCase("meta.test", "resolves-to-metadata-or-link-local", TestName = "A_name_resolving_to_the_metadata_address_is_refused")]
    [TestCase("internal.test", "resolves-to-internal-range", TestName = "A_name_resolving_into_the_cluster_range_is_refused")]
    [TestCase("localhost", "resolves-to-loopback", TestName = "A_name_resolving_to_loopback_through_dns_is_refused")]
    public async Task Names_resolving_into_forbidden_ranges_are_refused(string host, string reason)
    {
        var (_, pod) = await _cluster.StartSandboxAsync(new AgentTaskSpec { Egress = [new EgressRule { Host = host, Ports = [_upstream.Port] }] });

        var answer = await ExchangeAsync(pod, $"CONNECT {host}:{_upstream.Port} HTTP/1.1\r\n\r\n");

        answer.Should().StartWith("HTTP/1.1 403 Forbidden").And.Contain(reason);
    }

    [Test]
    public async Task A_source_that_is_no_sandbox_pod_gets_a_bare_403()
    {
        var answer = await ExchangeAsync(IPAddress.Parse("127.0.0.1"), $"CONNECT allowed.test:{_upstream.Port} HTTP/1.1\r\n\r\n");

        answer.Should().Be("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    }

    [Test]
    public async Task The_pod_of_a_task_that_is_not_running_gets_a_bare_403()
    {
        var (_, pod) = await _cluster.StartSandboxAsync(AllowUpstream(), phase: AgentTaskPhase.AwaitingApproval);

        var answer = await ExchangeAsync(pod, $"CONNECT allowed.test:{_upstream.Port} HTTP/1.1\r\n\r\n");

        answer.Should().Be("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    }

    [Test]
    public async Task Denials_and_allowed_attempts_are_counted_in_the_task_status()
    {
        var (ns, pod) = await _cluster.StartSandboxAsync(AllowUpstream());

        await ExchangeAsync(pod, $"GET http://allowed.test:{_upstream.Port}/ HTTP/1.1\r\nConnection: close\r\n\r\n");
        await ExchangeAsync(pod, "CONNECT other.test:443 HTTP/1.1\r\n\r\n");
        await ExchangeAsync(pod, "CONNECT other.test:443 HTTP/1.1\r\n\r\n");

        await Eventually.UntilAsync(async () =>
        {
            var usage = (await _cluster.ReadTaskAsync(ns, "agent")).Status?.Usage;
            return usage is { EgressAllowed: 1, EgressDenied: 2 };
        }, "status.usage to show 1 allowed and 2 denied");
    }

    [Test]
    public async Task Every_attempt_is_audited_with_task_verdict_and_bytes()
    {
        var (ns, pod) = await _cluster.StartSandboxAsync(AllowUpstream());

        await ExchangeAsync(pod, $"GET http://allowed.test:{_upstream.Port}/a HTTP/1.1\r\nConnection: close\r\n\r\n");
        await ExchangeAsync(pod, "CONNECT other.test:443 HTTP/1.1\r\n\r\n");

        var records = _cluster.Audit.Snapshot().Where(r => r.Namespace == ns).ToList();
        records.Select(r => (r.Kind, r.Task, r.Pod, (string?)r.Data["verdict"], (string?)r.Data["host"])).Should().Equal(
            ("egress.attempt", "agent", "agent-agent", "allowed", "allowed.test"),
            ("egress.attempt", "agent", "agent-agent", "denied", "other.test"));
        ((long)records[0].Data["bytesDown"]!).Should().BeGreaterThan(0);
        ((string?)records[1].Data["reason"]).Should().Be("host-not-allowed");
    }

    [Test]
    public async Task Repeated_denials_raise_a_warning_event_on_the_task()
    {
        var (ns, pod) = await _cluster.StartSandboxAsync(AllowUpstream());

        for (var i = 0; i < 3; i++) await ExchangeAsync(pod, $"CONNECT other{i}.test:443 HTTP/1.1\r\n\r\n");

        await Eventually.UntilAsync(async () =>
            (await _cluster.Client.CoreV1.ListNamespacedEventAsync(ns)).Items.Any(e => e.Reason == "EgressDenialsRepeated" && e.Type == "Warning"
                && e.InvolvedObject.Kind == "AgentTask"),
            "an EgressDenialsRepeated event");
    }

    [Test]
    public async Task Repeated_denials_write_an_event_whose_seal_the_operator_accepts()
    {
        var (ns, pod) = await _cluster.StartSandboxAsync(AllowUpstream());

        for (var i = 0; i < 3; i++) await ExchangeAsync(pod, $"CONNECT other{i}.test:443 HTTP/1.1\r\n\r\n");

        Corev1Event? denial = null;
        await Eventually.UntilAsync(async () =>
            (denial = (await _cluster.Client.CoreV1.ListNamespacedEventAsync(ns)).Items.FirstOrDefault(e => e.Reason == "EgressDenialsRepeated")) is not null,
            "an EgressDenialsRepeated event");
        var report = AnomalyEvents.From(denial!, EgressCluster.SignalSeal, out var refused);

        (report?.Source, report?.Task, refused).Should().Be(("airlock-egress", "agent", SignalSealProblem.None));
    }

    [Test]
    public async Task A_half_sent_head_is_answered_408_at_the_deadline()
    {
        var (_, pod) = await _cluster.StartSandboxAsync(AllowUpstream());
        using var client = await ProxyClient.ConnectAsync(_cluster.ProxyEndpoint, pod);

        await client.SendAsync("CONNECT allowed.test:443 HTTP/1.1\r\nX-Slow: ");

        (await client.ReadToEndAsync()).Should().StartWith("HTTP/1.1 408");
    }

    [Test]
    public async Task Garbage_is_answered_400_and_closed()
    {
        var (_, pod) = await _cluster.StartSandboxAsync(AllowUpstream());

        var answer = await ExchangeAsync(pod, "\u0016\u0003\u0001 \u00ff\u00fe garbage \r\n\r\n");

        answer.Should().StartWith("HTTP/1.1 400");
    }

    [Test]
    public async Task A_huge_head_is_answered_431_and_closed()
    {
        var (_, pod) = await _cluster.StartSandboxAsync(AllowUpstream());

        var answer = await ExchangeAsync(pod, $"GET http://allowed.test:{_upstream.Port}/ HTTP/1.1\r\nX-Big: {new string('a', 20_000)}\r\n\r\n");

        answer.Should().StartWith("HTTP/1.1 431");
    }
}
