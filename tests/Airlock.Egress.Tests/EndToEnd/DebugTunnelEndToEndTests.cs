using System.Net;
using System.Net.Sockets;
using System.Text;
using Airlock.Api;
using Airlock.Api.Tasks;
using Airlock.Egress.Debug;
using Airlock.Egress.Tests.Support;
using Airlock.Testing;
using k8s;
using k8s.Models;

namespace Airlock.Egress.Tests.EndToEnd;

/// <summary>
/// `airlock debug` end to end: a server bound to the pod's 127.x address plays the agent's debug port; alice holds the
/// <c>debug</c> verb on agenttasks in the namespace, bob does not.
/// </summary>
[NonParallelizable]
public class DebugTunnelEndToEndTests
{
    private EgressCluster _cluster = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _cluster = await EgressCluster.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _cluster.DisposeAsync();

    private string Token(string user) => _cluster.Cluster.RequireLocal().Users.First(u => u.Name == user).Token;

    /// <summary>A Running task with a debug window until <paramref name="expiresAt"/> on the port of a server in its pod.</summary>
    private async Task<(DebugTarget Target, LoopbackHttpServer PodServer)> StartDebuggableAsync(DateTime expiresAt)
    {
        var ns = (await _cluster.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { GenerateName = "debug-" } })).Metadata.Name;
        var podIp = await _cluster.StartPodAsync(ns, "agent");
        var server = new LoopbackHttpServer(podIp);
        await _cluster.CreateTaskAsync(ns, "agent", new AgentTaskSpec
        {
            Debug = new DebugAccess { AllowFrom = ["10.0.3.7/32"], Ports = [server.Port], ExpiresAt = expiresAt },
        }, AgentTaskPhase.Running);
        await _cluster.Client.RbacAuthorizationV1.CreateNamespacedRoleAsync(new V1Role
        {
            Metadata = new V1ObjectMeta { Name = "debugger" },
            Rules = [new V1PolicyRule { ApiGroups = [AgentsGroup.Name], Resources = [AgentTask.KubePlural], Verbs = ["debug"] }],
        }, ns);
        await _cluster.Client.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(new V1RoleBinding
        {
            Metadata = new V1ObjectMeta { Name = "alice-debugs" },
            RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "Role", Name = "debugger" },
            Subjects = [new Rbacv1Subject { Kind = "User", Name = "alice", ApiGroup = "rbac.authorization.k8s.io" }],
        }, ns);
        await Eventually.UntilAsync(() => _cluster.Proxy.Directory.FindTask(ns, "agent") is not null, "the proxy to see the task");
        return (new DebugTarget(ns, "agent", server.Port), server);
    }

    [Test]
    public async Task A_user_with_the_debug_verb_reaches_the_pod_port_through_a_local_listener()
    {
        var (target, server) = await StartDebuggableAsync(DateTime.UtcNow.AddHours(1));
        await using var _ = server;
        await using var listener = new DebugTunnelListener(new IPEndPoint(IPAddress.Loopback, 0), _cluster.ProxyEndpoint, Token("alice"), target);

        using var local = new TcpClient();
        await local.ConnectAsync(listener.Endpoint);
        await local.GetStream().WriteAsync("GET /debug HTTP/1.1\r\nHost: pod\r\n\r\n"u8.ToArray());
        var answer = await new StreamReader(local.GetStream(), Encoding.ASCII).ReadToEndAsync();

        answer.Should().StartWith("HTTP/1.1 200 OK").And.EndWith("target=/debug");
    }

    [Test]
    public async Task A_debug_connection_is_audited_with_the_user()
    {
        var (target, server) = await StartDebuggableAsync(DateTime.UtcNow.AddHours(1));
        await using var _ = server;

        var (socket, _) = await DebugTunnelListener.ConnectAsync(_cluster.ProxyEndpoint, Token("alice"), target, CancellationToken.None);
        socket!.Dispose();

        await Eventually.UntilAsync(() => _cluster.Audit.Snapshot().Any(r => r.Kind == "egress.debug" && r.Namespace == target.Namespace
            && (string?)r.Data["user"] == "alice" && (string?)r.Data["verdict"] == "allowed"), "an egress.debug record for alice");
    }

    [Test]
    public async Task A_user_without_the_debug_verb_is_refused()
    {
        var (target, server) = await StartDebuggableAsync(DateTime.UtcNow.AddHours(1));
        await using var _ = server;

        var (socket, answer) = await DebugTunnelListener.ConnectAsync(_cluster.ProxyEndpoint, Token("bob"), target, CancellationToken.None);

        socket.Should().BeNull();
        answer.Should().StartWith("HTTP/1.1 403").And.Contain("forbidden");
    }

    [Test]
    public async Task An_invalid_token_is_refused_with_407()
    {
        var (target, server) = await StartDebuggableAsync(DateTime.UtcNow.AddHours(1));
        await using var _ = server;

        var (socket, answer) = await DebugTunnelListener.ConnectAsync(_cluster.ProxyEndpoint, "not-a-token", target, CancellationToken.None);

        socket.Should().BeNull();
        answer.Should().StartWith("HTTP/1.1 407");
    }

    [Test]
    public async Task After_the_window_closes_the_tunnel_is_refused()
    {
        var (target, server) = await StartDebuggableAsync(DateTime.UtcNow.AddMinutes(-1));
        await using var _ = server;

        var (socket, answer) = await DebugTunnelListener.ConnectAsync(_cluster.ProxyEndpoint, Token("alice"), target, CancellationToken.None);

        socket.Should().BeNull();
        answer.Should().StartWith("HTTP/1.1 403").And.Contain("debug window");
    }

    [Test]
    public async Task An_open_tunnel_is_cut_when_the_window_closes()
    {
        var (target, server) = await StartDebuggableAsync(DateTime.UtcNow.AddSeconds(3));
        await using var _ = server;
        var (socket, _) = await DebugTunnelListener.ConnectAsync(_cluster.ProxyEndpoint, Token("alice"), target, CancellationToken.None);
        using var tunnel = socket!;

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var read = await tunnel.ReceiveAsync(new byte[16], SocketFlags.None, deadline.Token);

        read.Should().Be(0, "the proxy closes the tunnel at expiresAt");
    }
}
