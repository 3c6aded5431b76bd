using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Airlock.Api;
using Airlock.Api.Tasks;
using Airlock.Egress.Accounting;
using Airlock.Egress.Hosting;
using Airlock.Gateway.Hosting;
using Airlock.Gateway.Providers;
using Airlock.Gateway.Serving;
using Airlock.Guardrails;
using Airlock.Stores.Audit;
using Airlock.Stores.Limits;
using Airlock.Testing;
using Airlock.Testing.Providers;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Airlock.Install.Tests.ChartRbac;

/// <summary>
/// The chart's RBAC is enough for the gateway and the egress proxy: each runs on the token of its own chart service account
/// (<c>airlock-gateway</c>, <c>airlock-egress</c>) against a local control plane holding the chart's roles, and model calls
/// (TokenReview, the token's pod and task, usage in the task's status, anomaly Events) and egress decisions (usage, repeated
/// denials as an Event whose count is bumped) go through without one request refused.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ProxyRbacEndToEndTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private TestCluster _cluster = null!;
    private StandInProvider _provider = null!;
    private GatewayServer _gateway = null!;
    private EgressProxyHost _egress = null!;
    private TcpListener _upstream = null!;
    private string _keyFile = "";
    private CapturedLogs _logs = null!;
    private ILoggerFactory _loggerFactory = null!;
    private readonly HttpClient _http = new();

    [OneTimeSetUp]
    public async Task InstallAndStartAsync()
    {
        _cluster = await TestCluster.StartPrivateAsync();
        await ChartInstall.ApplyAsync(_cluster);
        _logs = new CapturedLogs();
        _loggerFactory = LoggerFactory.Create(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug).AddFilter("Microsoft", LogLevel.Warning));
        _provider = await StandInProvider.StartAsync();
        _keyFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(_keyFile, "sk-stand-in-provider-key");
        _gateway = await GatewayServer.StartAsync(
            new GatewayOptions { Providers = [new ProviderOptions("openai", ProviderType.OpenAi, _provider.BaseUrl, _keyFile)], UsageFlushInterval = TimeSpan.FromMilliseconds(200) },
            new GatewayDependencies
            {
                Client = await ChartInstall.ClientOfAsync(_cluster, "gateway"),
                Audit = new InMemoryAuditLog(),
                Limits = new InMemoryLimitStore(),
                Scanner = GuardrailScanner.Default,
                SignalSeal = Runtime.Events.SignalSeal.Generate(),
                LoggerFactory = _loggerFactory,
            });
        _upstream = new TcpListener(IPAddress.Loopback, 0);
        _upstream.Start();
        _egress = await EgressProxyHost.StartAsync(await ChartInstall.ClientOfAsync(_cluster, "egress"), new EgressProxyOptions
        {
            ResolveOverrides = new Dictionary<string, IReadOnlyList<IPAddress>> { ["allowed.test"] = [IPAddress.Loopback], ["other.test"] = [IPAddress.Loopback] },
            UsageFlushInterval = TimeSpan.FromMilliseconds(200),
            AnomalyThreshold = 2,
            AnomalyWindow = TimeSpan.FromSeconds(1),
            SignalSeal = Runtime.Events.SignalSeal.Generate(),
            LoggerFactory = _loggerFactory,
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        if (_egress is not null) await _egress.DisposeAsync();
        _upstream?.Dispose();
        if (_gateway is not null) await _gateway.DisposeAsync();
        if (_provider is not null) await _provider.DisposeAsync();
        if (_keyFile.Length > 0) File.Delete(_keyFile);
        _loggerFactory?.Dispose();
        _logs?.Dispose();
        if (_cluster is not null) await _cluster.DisposeAsync();
    }

    [Test]
    public async Task A_model_call_is_answered_and_counted_in_the_task_status_with_only_the_charts_grants()
    {
        await using var ns = await _cluster.CreateNamespaceAsync("rbac-gw");
        var agent = await AgentSandbox.StartAsync(_cluster.Client, ns.Name, "agent", new AgentTaskSpec { Model = new ModelAccess { Provider = "openai", AllowedModels = ["gpt-test"] } });

        using var response = await ChatAsync(agent);
        await WaitAsync(async () => (await agent.ReadTaskAsync()).Status?.Usage?.ModelRequests >= 1, "status.usage.modelRequests");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        _logs.Refusals().Should().BeEmpty();
    }

    [Test]
    public async Task A_spent_budget_becomes_an_anomaly_event_with_only_the_charts_grants()
    {
        await using var ns = await _cluster.CreateNamespaceAsync("rbac-gw");
        var model = new ModelAccess { Provider = "openai", AllowedModels = ["gpt-test"], MaxTotalTokens = 10 };
        var agent = await AgentSandbox.StartAsync(_cluster.Client, ns.Name, "agent", new AgentTaskSpec { Model = model });

        (await ChatAsync(agent)).Dispose();
        using var refused = await ChatAsync(agent);
        await WaitAsync(async () => (await EventsAsync(ns.Name, "AnomalyBudgetExhausted")).Count == 1, "the budget anomaly Event");

        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        _logs.Refusals().Should().BeEmpty();
    }

    [Test]
    public async Task An_allowed_egress_connection_is_counted_in_the_task_status_with_only_the_charts_grants()
    {
        await using var ns = await _cluster.CreateNamespaceAsync("rbac-egress");
        var spec = new AgentTaskSpec { Egress = [new EgressRule { Host = "allowed.test", Ports = [UpstreamPort] }] };
        var agent = await AgentSandbox.StartAsync(_cluster.Client, ns.Name, "agent", spec);
        await WaitAsync(() => Task.FromResult(_egress.Directory.FindBySource(agent.PodIp) is not null), "the proxy to know the pod");

        var status = await ConnectAsync(agent, "allowed.test");
        status.Should().StartWith("HTTP/1.1 200");
        // The tunnel ends (and is counted) once both sides close: the upstream end too.
        using (await _upstream.AcceptSocketAsync().WaitAsync(Timeout))
        {
        }
        await WaitAsync(async () => (await agent.ReadTaskAsync()).Status?.Usage?.EgressAllowed >= 1, "status.usage.egressAllowed");

        _logs.Refusals().Should().BeEmpty();
    }

    [Test]
    public async Task Repeated_egress_denials_bump_one_events_count_with_only_the_charts_grants()
    {
        await using var ns = await _cluster.CreateNamespaceAsync("rbac-egress");
        var spec = new AgentTaskSpec { Egress = [new EgressRule { Host = "allowed.test", Ports = [UpstreamPort] }] };
        var agent = await AgentSandbox.StartAsync(_cluster.Client, ns.Name, "agent", spec);
        await WaitAsync(() => Task.FromResult(_egress.Directory.FindBySource(agent.PodIp) is not null), "the proxy to know the pod");

        // Two bursts of denials in two anomaly windows: the same Event, written once and then patched.
        for (var burst = 0; burst < 2; burst++)
        {
            await ConnectAsync(agent, "other.test");
            await ConnectAsync(agent, "other.test");
            await WaitAsync(async () => (await EventsAsync(ns.Name, EventAnomalySink.Reason)).Sum(e => e.Count ?? 1) > burst, "the denial Event");
            await Task.Delay(TimeSpan.FromSeconds(1.1)); // the next burst must fall in the next anomaly window
        }

        (await EventsAsync(ns.Name, EventAnomalySink.Reason)).Select(e => e.Count).Should().Equal(2);
        _logs.Refusals().Should().BeEmpty();
    }

    /// <summary>Waits for <paramref name="condition"/>; on timeout the failure shows what the components logged last.</summary>
    private async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        try
        {
            await Eventually.UntilAsync(condition, what, Timeout);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"no {what} after {Timeout}; the gateway and the egress proxy logged:\n{string.Join("\n", _logs.Lines.TakeLast(30))}");
        }
    }

    private int UpstreamPort => ((IPEndPoint)_upstream.LocalEndpoint).Port;

    private async Task<HttpResponseMessage> ChatAsync(AgentSandbox agent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_gateway.Address, "/v1/chat/completions"))
        {
            Content = new StringContent("""{"model":"gpt-test","messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", agent.Token);
        return await _http.SendAsync(request);
    }

    /// <summary>A CONNECT through the egress proxy from the sandbox pod's address; the proxy's status line.</summary>
    private async Task<string> ConnectAsync(AgentSandbox agent, string host)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(agent.PodIp, 0));
        await socket.ConnectAsync(_egress.Endpoint);
        await socket.SendAsync(Encoding.ASCII.GetBytes($"CONNECT {host}:{UpstreamPort} HTTP/1.1\r\nHost: {host}:{UpstreamPort}\r\n\r\n"), SocketFlags.None);
        var buffer = new byte[1024];
        var read = await socket.ReceiveAsync(buffer, SocketFlags.None).WaitAsync(Timeout);
        var text = Encoding.ASCII.GetString(buffer, 0, read);
        return text[..Math.Max(0, text.IndexOf('\r', StringComparison.Ordinal))];
    }

    private async Task<IReadOnlyList<Corev1Event>> EventsAsync(string @namespace, string reason) =>
        [.. (await _cluster.Client.CoreV1.ListNamespacedEventAsync(@namespace)).Items.Where(e => e.Reason == reason)];
}
