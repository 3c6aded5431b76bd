using System.Text.Json.Nodes;
using Airlock.Api.Tasks;
using Airlock.Install.Tests.Helm;
using Airlock.Install.Tests.Support;
using Airlock.Operator.Hosting;
using Airlock.Runtime.Events;
using Airlock.Testing;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Airlock.Install.Tests.ChartRbac;

/// <summary>
/// The chart's RBAC is enough, and is what the operator runs with: the chart's CRDs, service accounts, roles and bindings
/// (and default policy, RuntimeClasses) are applied with the real kubectl to a local control plane, the operator runs with
/// the token of the chart's <c>airlock-operator</c> service account, and whole task lifecycles go through without one
/// request refused. The wiring tests in <see cref="RbacTests"/> say what is granted; this says it suffices.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ChartRbacEndToEndTests
{
    private const string SystemNamespace = ChartInstall.SystemNamespace;
    private const string Image = "ghcr.io/acme/agent@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private TestCluster _cluster = null!;
    private OperatorHost _operator = null!;
    private CapturedLogs _logs = null!;
    private ILoggerFactory _loggerFactory = null!;

    [OneTimeSetUp]
    public async Task InstallAndStartAsync()
    {
        _cluster = await TestCluster.StartPrivateAsync();
        await ChartInstall.ApplyAsync(_cluster);
        var client = await ChartInstall.ClientOfAsync(_cluster, "operator");
        _logs = new CapturedLogs();
        _loggerFactory = LoggerFactory.Create(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug));
        var settings = new OperatorSettings { SystemNamespace = SystemNamespace, HealthAddress = null, WebhookAddress = null, LeaderElection = true };
        _operator = new OperatorHost(client, settings, _loggerFactory);
        await _operator.StartAsync(CancellationToken.None);
        await Eventually.UntilAsync(() => Task.FromResult(_operator.IsReady), "the operator to be ready", Timeout);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_operator is not null) await _operator.DisposeAsync();
        _loggerFactory?.Dispose();
        _logs?.Dispose();
        if (_cluster is not null) await _cluster.DisposeAsync();
    }

    [Test]
    public async Task A_task_runs_finishes_and_its_sandbox_is_cleaned_up_with_only_the_charts_grants()
    {
        await using var ns = await _cluster.CreateNamespaceAsync("rbac");
        await ApplyTaskAsync(ns.Name, "done", "  ttlSecondsAfterFinished: 1\n  permissions: [{apiGroups: [\"\"], resources: [configmaps], verbs: [get]}]\n"
            + "  env: [{name: SIM_EXIT_AFTER, value: \"2s\"}]\n");

        await WaitForPhaseAsync(ns.Name, "done", AgentTaskPhase.Succeeded);
        await Eventually.UntilAsync(
            async () => (await _cluster.Client.CoreV1.ListNamespacedPodAsync(ns.Name)).Items.Count == 0
                && (await _cluster.Client.RbacAuthorizationV1.ListNamespacedRoleAsync(ns.Name)).Items.Count == 0
                && (await _cluster.Client.NetworkingV1.ListNamespacedNetworkPolicyAsync(ns.Name)).Items.Count == 0,
            "the sandbox (pod, Role, NetworkPolicy) to be deleted after the TTL", Timeout);
        (await TryGetTaskAsync(ns.Name, "done"))!.Status!.Phase.Should().Be(AgentTaskPhase.Succeeded);
        _logs.Refusals().Should().BeEmpty();
    }

    [Test]
    public async Task A_sealed_anomaly_event_quarantines_a_task_with_only_the_charts_grants()
    {
        await using var ns = await _cluster.CreateNamespaceAsync("rbac");
        await ApplyTaskAsync(ns.Name, "agent", "");
        var task = await WaitForPhaseAsync(ns.Name, "agent", AgentTaskPhase.Running);

        // Sealed with the key the operator made in its Secret, as the egress proxy (which mounts that Secret) would.
        var key = await _cluster.Client.CoreV1.ReadNamespacedSecretAsync(SignalSeal.SecretName, SystemNamespace);
        var target = new V1ObjectReference { ApiVersion = task.ApiVersion, Kind = task.Kind, Name = "agent", NamespaceProperty = ns.Name, Uid = task.Metadata.Uid };
        const string Message = "12 egress attempts denied within 60s";
        await _cluster.Client.CoreV1.CreateNamespacedEventAsync(new Corev1Event
        {
            Metadata = new V1ObjectMeta
            {
                GenerateName = "agent-",
                Annotations = new Dictionary<string, string>
                {
                    [Api.AirlockAnnotations.SignalSeal] = new SignalSeal(key.Data["key"]).Sign(target, "EgressDenialsRepeated", "airlock-egress", Message, DateTimeOffset.UtcNow),
                },
            },
            Type = "Warning",
            Reason = "EgressDenialsRepeated",
            Message = Message,
            Source = new V1EventSource { Component = "airlock-egress" },
            InvolvedObject = target,
            FirstTimestamp = DateTime.UtcNow,
            LastTimestamp = DateTime.UtcNow,
        }, ns.Name);

        await WaitForPhaseAsync(ns.Name, "agent", AgentTaskPhase.Quarantined);
        await Eventually.UntilAsync(async () => (await _cluster.Client.CoreV1.ListNamespacedPodAsync(ns.Name)).Items.Count == 0, "the pod to be deleted", Timeout);
        _logs.Refusals().Should().BeEmpty();
    }

    [Test]
    public async Task The_default_policy_reports_the_namespaces_it_governs_with_only_the_charts_grants()
    {
        await using var ns = await _cluster.CreateNamespaceAsync("rbac");

        await Eventually.UntilAsync(
            async () => (await PolicyStatusAsync())?["governedNamespaces"] is JsonArray { Count: > 0 },
            "the chart's default ClusterAgentPolicy to report governed namespaces", Timeout);
        _logs.Refusals().Should().BeEmpty();
    }

    private async Task<JsonObject?> PolicyStatusAsync()
    {
        var policies = await _cluster.Client.CustomObjects.ListClusterCustomObjectAsync("agents.airlock.dev", "v1alpha1", "clusteragentpolicies");
        var root = JsonNode.Parse(((System.Text.Json.JsonElement)policies).GetRawText())!;
        return root["items"]!.AsArray().Select(i => i!["status"] as JsonObject).FirstOrDefault(s => s is not null);
    }

    private async Task ApplyTaskAsync(string @namespace, string name, string extra)
    {
        var yaml = $"apiVersion: agents.airlock.dev/v1alpha1\nkind: AgentTask\nmetadata:\n  name: {name}\nspec:\n  image: {Image}\n  prompt: Say hello.\n"
            + "  resources: {cpu: 500m, memory: 1Gi, ephemeralStorage: 2Gi}\n  runtimeClassName: kata-clh\n" + extra;
        (await _cluster.Kubectl.RunAsync(["apply", "-n", @namespace, "-f", "-"], yaml)).EnsureSuccess();
    }

    private async Task<AgentTask> WaitForPhaseAsync(string @namespace, string name, string phase)
    {
        var deadline = DateTime.UtcNow + Timeout;
        AgentTask? task;
        while ((task = await TryGetTaskAsync(@namespace, name))?.Status?.Phase != phase)
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"task {name} is not {phase} after {Timeout} (it is {task?.Status?.Phase}: {task?.Status?.Message}); "
                    + $"the operator logged:\n{string.Join("\n", _logs.Lines.TakeLast(20))}");
            }
            await Task.Delay(100);
        }
        return task!;
    }

    private async Task<AgentTask?> TryGetTaskAsync(string @namespace, string name)
    {
        try
        {
            return await _cluster.Client.CustomObjects.GetNamespacedCustomObjectAsync<AgentTask>("agents.airlock.dev", "v1alpha1", @namespace, "agenttasks", name);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
