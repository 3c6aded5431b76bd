using System.Net;
using Airlock.Api;
using Airlock.Api.Tasks;
using Airlock.Egress.Tests.Support;
using Airlock.Testing;
using k8s;
using k8s.Models;

namespace Airlock.Egress.Tests.EndToEnd;

/// <summary>
/// The egress proxy inside <c>airlock dev</c>, driven the way a task's sandbox uses it: a task applied through the API
/// server, the operator giving it a Running pod with a 127.x address, and a client bound to that address talking to the
/// proxy from endpoints.json. allowed.test resolves (through <c>--egress-resolve</c>) to a loopback server.
/// </summary>
[NonParallelizable]
public sealed class EgressDevEndToEndTests
{
    private DevProcess _dev = null!;
    private LoopbackHttpServer _upstream = null!;
    private IPAddress _pod = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _upstream = new LoopbackHttpServer();
        _dev = await DevProcess.StartAsync(new Dictionary<string, string>
        {
            ["allowed.test"] = "127.0.0.1",
            ["meta.test"] = "169.254.169.254",
            ["internal.test"] = "10.96.0.10",
        });
        (_, _pod) = await StartTaskAsync("agent");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_dev is not null) await _dev.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    /// <summary>A Running task allowed to reach allowed.test, meta.test and internal.test on the upstream's port; its pod address.</summary>
    private async Task<(string Namespace, IPAddress Pod)> StartTaskAsync(string name)
    {
        var ns = (await _dev.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { GenerateName = "egress-dev-" } })).Metadata.Name;
        var port = _upstream.Port;
        var task = new AgentTask
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
            Spec = new AgentTaskSpec
            {
                Image = "ghcr.io/acme/agent@sha256:" + new string('a', 64),
                Egress =
                [
                    new EgressRule { Host = "allowed.test", Ports = [port] },
                    new EgressRule { Host = "meta.test", Ports = [port] },
                    new EgressRule { Host = "internal.test", Ports = [port] },
                ],
            },
        };
        await _dev.Client.CustomObjects.CreateNamespacedCustomObjectAsync(task, AgentsGroup.Name, AgentsGroup.Version, ns, AgentTask.KubePlural);
        var pod = await Eventually.ValueAsync(async () =>
        {
            var running = await ReadTaskAsync(ns, name);
            if (running.Status?.Phase != AgentTaskPhase.Running || running.Status.PodName is not { } podName) return null;
            return (await _dev.Client.CoreV1.ReadNamespacedPodAsync(podName, ns)).Status?.PodIP;
        }, $"task {ns}/{name} to run", TimeSpan.FromSeconds(60));
        return (ns, IPAddress.Parse(pod));
    }

    private async Task<AgentTask> ReadTaskAsync(string ns, string name) =>
        KubernetesJson.Deserialize<AgentTask>(KubernetesJson.Serialize(
            await _dev.Client.CustomObjects.GetNamespacedCustomObjectAsync(AgentsGroup.Name, AgentsGroup.Version, ns, AgentTask.KubePlural, name)));

    /// <summary>The proxy takes a moment after the task turns Running to see its pod; until then the pod is an unknown source.</summary>
    private async Task<string> ExchangeAsync(string request, IPAddress? pod = null)
    {
        var answer = "";
        await Eventually.UntilAsync(async () =>
        {
            answer = await ProxyClient.ExchangeAsync(_dev.ProxyEndpoint, pod ?? _pod, request);
            return answer != BareForbidden;
        }, "the proxy to know the pod");
        return answer;
    }

    private const string BareForbidden = "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

    [Test]
    public async Task Plain_http_from_the_pod_reaches_an_allowed_host()
    {
        var answer = await ExchangeAsync($"GET http://allowed.test:{_upstream.Port}/plain HTTP/1.1\r\nConnection: close\r\n\r\n");

        answer.Should().StartWith("HTTP/1.1 200 OK").And.EndWith($"seen Host=allowed.test:{_upstream.Port} target=/plain");
    }

    [Test]
    public async Task Connect_from_the_pod_tunnels_to_an_allowed_host()
    {
        await ExchangeAsync($"GET http://allowed.test:{_upstream.Port}/warm HTTP/1.1\r\nConnection: close\r\n\r\n");
        using var client = await ProxyClient.ConnectAsync(_dev.ProxyEndpoint, _pod);

        await client.SendAsync($"CONNECT allowed.test:{_upstream.Port} HTTP/1.1\r\n\r\n");
        var established = await client.ReadHeadAsync();
        await client.SendAsync("GET /tunnelled HTTP/1.1\r\nHost: allowed.test\r\n\r\n");

        established.Should().StartWith("HTTP/1.1 200 Connection Established");
        (await client.ReadToEndAsync()).Should().EndWith("seen Host=allowed.test target=/tunnelled");
    }

    [TestCase("other.test", 0, "host-not-allowed", TestName = "A_host_not_on_the_list_is_refused_through_dev")]
    [TestCase("allowed.test", 1, "port-not-allowed", TestName = "A_port_not_on_the_list_is_refused_through_dev")]
    [TestCase("127.0.0.1", 0, "ip-literal-not-allowed", TestName = "An_ip_literal_is_refused_through_dev")]
    [TestCase("169.254.169.254", 0, "metadata-or-link-local", TestName = "The_metadata_address_is_refused_through_dev")]
    [TestCase("meta.test", 0, "resolves-to-metadata-or-link-local", TestName = "A_name_resolving_to_the_metadata_address_is_refused_through_dev")]
    [TestCase("internal.test", 0, "resolves-to-internal-range", TestName = "A_name_resolving_into_the_cluster_is_refused_through_dev")]
    public async Task Refused_targets_get_403_with_the_reason(string host, int portOffset, string reason)
    {
        var answer = await ExchangeAsync($"CONNECT {host}:{_upstream.Port + portOffset} HTTP/1.1\r\n\r\n");

        answer.Should().StartWith("HTTP/1.1 403 Forbidden").And.Contain(reason);
    }

    [Test]
    public async Task A_source_that_is_no_pod_gets_a_bare_403() =>
        (await ProxyClient.ExchangeAsync(_dev.ProxyEndpoint, IPAddress.Parse("127.0.0.1"), $"CONNECT allowed.test:{_upstream.Port} HTTP/1.1\r\n\r\n"))
            .Should().Be(BareForbidden);

    [Test]
    public async Task Allowed_and_denied_attempts_are_counted_in_the_task_status()
    {
        var (ns, pod) = await StartTaskAsync("counted");

        await ExchangeAsync($"GET http://allowed.test:{_upstream.Port}/counted HTTP/1.1\r\nConnection: close\r\n\r\n", pod);
        await ExchangeAsync("CONNECT first-denial.test:443 HTTP/1.1\r\n\r\n", pod);
        await ExchangeAsync("CONNECT second-denial.test:443 HTTP/1.1\r\n\r\n", pod);

        await Eventually.UntilAsync(async () => (await ReadTaskAsync(ns, "counted")).Status?.Usage is { EgressAllowed: 1, EgressDenied: 2 },
            "status.usage to show 1 allowed and 2 denied", TimeSpan.FromSeconds(45));
    }
}
