using System.Net;
using Airlock.Api;
using Airlock.Api.Tasks;
using Airlock.Egress.Accounting;
using Airlock.Egress.Audit;
using Airlock.Egress.Identity;
using Airlock.Operator.Governance.Quarantine;
using Airlock.Runtime.Events;
using Airlock.Testing;
using k8s;
using k8s.Models;

namespace Airlock.Operator.Tests.EndToEnd;

/// <summary>
/// Quarantine end to end: from <c>airlock quarantine</c>, from the egress proxy's anomaly Event and from an in-process
/// gateway stream, a Running task becomes Quarantined, its pod (and token) go, its NetworkPolicy stays, an Event and an
/// audit record say why, and nothing can undo it.
/// </summary>
[TestFixture]
public sealed class QuarantineTests : NamespacedScenario
{
    protected override string Prefix => "quar";

    [SetUp]
    public async Task RunTaskAsync()
    {
        (await ApplyAsync("alice", TaskYaml.For("agent", exitAfter: "1h"))).EnsureSuccess();
        await Probe.WaitForPhaseAsync("agent", AgentTaskPhase.Running);
    }

    [Test]
    public async Task Airlock_quarantine_stops_the_task_and_keeps_its_network_policy()
    {
        await GovernanceRbac.GrantAsync(Cluster.Client, Ns.Name, GovernanceRbac.Quarantiner, "bob");

        (await AirlockCommand.RunAsync("quarantine", "agent", "-n", Ns.Name, "--kubeconfig", Cluster.KubeconfigPath, "--context", "bob", "--reason", "odd traffic"))
            .EnsureSuccess();

        var task = await Probe.WaitForPhaseAsync("agent", AgentTaskPhase.Quarantined);
        task.Status!.Message.Should().Be("quarantined: odd traffic");
        task.Metadata.Annotations[AirlockAnnotations.QuarantinedBy].Should().Be("bob");
        await Eventually.UntilAsync(async () => await Probe.PodAsync("agent") is null, "the sandbox pod to be deleted", TaskProbe.Timeout);
        (await Probe.ChildrenAsync("agent")).Should().Contain("NetworkPolicy/agent-sandbox");
    }

    [Test]
    public async Task Quarantine_needs_the_quarantine_verb()
    {
        var result = await Cluster.KubectlAs("bob").RunAsync("annotate", "agenttask", "agent", "-n", Ns.Name, $"{AirlockAnnotations.Quarantine}=because");

        result.Stderr.Should().Contain($"bob may not quarantine agenttasks.agents.airlock.dev in namespace {Ns.Name}");
    }

    [Test]
    public async Task Egress_anomaly_event_quarantines_the_task_and_kills_its_token()
    {
        var pod = (await Probe.PodAsync("agent"))!;
        var token = await TaskToken.RequestAsync(Cluster.Client, Ns.Name, "agent", pod);
        await using var recorder = new EventRecorder(new KubernetesEventSink(Cluster.Client), "airlock-egress");
        var sink = new EventAnomalySink(new SealedSignalRecorder(recorder, await SignalKeyAsync()), new OneTask((await Probe.GetAsync("agent"))!));

        sink.Report(new EgressAnomaly(Ns.Name, "agent", 12, TimeSpan.FromSeconds(10), "evil.example", 443, "host not allowed"));

        var task = await Probe.WaitForPhaseAsync("agent", AgentTaskPhase.Quarantined);
        task.Status!.Message.Should().StartWith("quarantined: anomaly EgressDenialsRepeated from airlock-egress: 12 egress attempts denied");
        task.Metadata.Annotations[AirlockAnnotations.QuarantinedBy].Should().Be(ClusterPrerequisites.OperatorUser());
        await Eventually.UntilAsync(async () => await Probe.PodAsync("agent") is null, "the sandbox pod to be deleted", TaskProbe.Timeout);
        (await TaskToken.KubectlAsync(Cluster, token, "get", "configmaps", "-n", Ns.Name)).Stderr.Should().Contain("Unauthorized");
    }

    [Test]
    public async Task An_unsealed_anomaly_event_is_ignored_and_counted()
    {
        var task = (await Probe.GetAsync("agent"))!;
        var refusals = new QuarantineMetrics(OperatorSetUp.Host.Registry);
        var before = refusals.RefusedCount(Ns.Name, EventAnomalySink.Reason, SignalSealProblem.Missing);

        // Anyone who may create Events in the namespace can write this one: the same words the egress proxy would write.
        await Cluster.Client.CoreV1.CreateNamespacedEventAsync(Forged(task), Ns.Name);

        await Eventually.UntilAsync(() => refusals.RefusedCount(Ns.Name, EventAnomalySink.Reason, SignalSealProblem.Missing) > before, "the refusal to be counted");
        (await Probe.GetAsync("agent"))!.Metadata.Annotations.Should().NotContainKey(AirlockAnnotations.Quarantine);
    }

    [Test]
    public async Task An_anomaly_event_sealed_under_another_key_does_not_quarantine()
    {
        var task = (await Probe.GetAsync("agent"))!;
        var refusals = new QuarantineMetrics(OperatorSetUp.Host.Registry);
        var before = refusals.RefusedCount(Ns.Name, EventAnomalySink.Reason, SignalSealProblem.Invalid);
        var forged = Forged(task);
        forged.Metadata.Annotations = new Dictionary<string, string>
        {
            [AirlockAnnotations.SignalSeal] = SignalSeal.Generate().Sign(forged.InvolvedObject, forged.Reason, forged.ReportingComponent, forged.Message, DateTimeOffset.UtcNow),
        };

        await Cluster.Client.CoreV1.CreateNamespacedEventAsync(forged, Ns.Name);

        await Eventually.UntilAsync(() => refusals.RefusedCount(Ns.Name, EventAnomalySink.Reason, SignalSealProblem.Invalid) > before, "the refusal to be counted");
        (await Probe.GetAsync("agent"))!.Metadata.Annotations.Should().NotContainKey(AirlockAnnotations.Quarantine);
    }

    [Test]
    public async Task Gateway_signal_quarantines_the_task_with_an_event_and_an_audit_record()
    {
        OperatorSetUp.Anomalies.Publish(new AnomalyReport(Ns.Name, "agent", null, "airlock-gateway", "AnomalyTokenSpike", "90000 tokens this period", DateTime.UtcNow));

        await Probe.WaitForPhaseAsync("agent", AgentTaskPhase.Quarantined);

        await Eventually.UntilAsync(
            () => OperatorSetUp.Audit.Snapshot().Any(r => r.Kind == "task.quarantine" && r.Namespace == Ns.Name && r.Task == "agent"
                && ((string?)r.Data["reason"])!.Contains("AnomalyTokenSpike", StringComparison.Ordinal)),
            "an audit record of the quarantine");
        var events = await Cluster.Client.CoreV1.ListNamespacedEventAsync(Ns.Name, fieldSelector: "involvedObject.name=agent");
        events.Items.Should().Contain(e => e.Reason == AgentTaskPhase.Quarantined && e.Type == "Warning" && e.Message.Contains("AnomalyTokenSpike"));
    }

    [Test]
    public async Task Quarantine_is_sticky()
    {
        await GovernanceRbac.GrantAsync(Cluster.Client, Ns.Name, GovernanceRbac.Quarantiner, "bob");
        (await Cluster.KubectlAs("bob").RunAsync("annotate", "agenttask", "agent", "-n", Ns.Name, $"{AirlockAnnotations.Quarantine}=stop")).EnsureSuccess();
        await Probe.WaitForPhaseAsync("agent", AgentTaskPhase.Quarantined);

        var unannotate = await Cluster.Kubectl.RunAsync("annotate", "agenttask", "agent", "-n", Ns.Name, $"{AirlockAnnotations.Quarantine}-");
        var restatus = await Cluster.Kubectl.RunAsync("patch", "agenttask", "agent", "-n", Ns.Name, "--subresource=status", "--type=merge", "-p", "{\"status\":{\"phase\":\"Running\"}}");

        (unannotate.Succeeded, restatus.Succeeded).Should().Be((false, false));
        (await Probe.GetAsync("agent"))!.Status!.Phase.Should().Be(AgentTaskPhase.Quarantined);
    }

    /// <summary>The signal key the shared operator made (the Secret the chart mounts into the gateway and the egress proxy).</summary>
    private static Task<SignalSeal> SignalKeyAsync() => SignalKeyStore.LoadOrCreateAsync(Cluster.Client, ClusterPrerequisites.SystemNamespace, CancellationToken.None);

    /// <summary>A repeated-denial Event on <paramref name="task"/> as the egress proxy words it, with no seal.</summary>
    private static Corev1Event Forged(AgentTask task) => new()
    {
        Metadata = new V1ObjectMeta { Name = $"{task.Metadata.Name}.forged{Guid.NewGuid():N}"[..40], NamespaceProperty = task.Metadata.NamespaceProperty },
        InvolvedObject = new V1ObjectReference
        {
            ApiVersion = task.ApiVersion,
            Kind = task.Kind,
            Name = task.Metadata.Name,
            NamespaceProperty = task.Metadata.NamespaceProperty,
            Uid = task.Metadata.Uid,
        },
        Type = EventTypes.Warning,
        Reason = EventAnomalySink.Reason,
        Message = "12 egress attempts denied within 10s; last evil.example:443 (host not allowed)",
        ReportingComponent = "airlock-egress",
        Source = new V1EventSource { Component = "airlock-egress" },
        FirstTimestamp = DateTime.UtcNow,
        LastTimestamp = DateTime.UtcNow,
        Count = 1,
    };

    /// <summary>The egress proxy's view of the one task under test.</summary>
    private sealed class OneTask(AgentTask task) : ICallerDirectory
    {
        public CallerIdentity? FindBySource(IPAddress source) => null;

        public AgentTask? FindTask(string @namespace, string name) => name == task.Metadata.Name ? task : null;

        public V1Pod? RunningPodOf(AgentTask task) => null;
    }
}
