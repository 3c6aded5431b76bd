using Airlock.ControlPlane.Kubelet;
using k8s.Models;

namespace Airlock.ControlPlane.Tests.Kubelet;

public class PodLifecycleTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlySet<string> KataOnly = new HashSet<string> { "kata-qemu" };

    private static PodLifecycleContext At(DateTimeOffset now, IReadOnlySet<string>? runtimeClasses = null) =>
        new(TestPods.Node, now, runtimeClasses ?? KataOnly, "127.1.0.9");

    /// <summary>Runs a pod through bind and start at <see cref="T0"/>, as the kubelet and the API server would.</summary>
    private static V1Pod Started(V1Pod pod)
    {
        var bound = TestPods.With(pod, nodeName: PodLifecycle.Decide(pod, At(T0)).BindTo ?? pod.Spec.NodeName);
        return TestPods.With(bound, PodLifecycle.Decide(bound, At(T0)).Status);
    }

    [Test]
    public void An_unscheduled_pod_is_bound_to_this_node_first()
    {
        var decision = PodLifecycle.Decide(TestPods.New(), At(T0));
        decision.BindTo.Should().Be(TestPods.Node);
        decision.Status.Should().BeNull();
        decision.Events.Should().ContainSingle(e => e.Reason == "Scheduled" && e.Component == "default-scheduler"
            && e.Message == "Successfully assigned team-a/agent to node-a");
    }

    [Test]
    public void A_pod_naming_an_existing_runtime_class_is_bound()
    {
        PodLifecycle.Decide(TestPods.New(runtimeClass: "kata-qemu"), At(T0)).BindTo.Should().Be(TestPods.Node);
    }

    [Test]
    public void A_bound_pod_starts_running_with_its_address_and_ready_conditions()
    {
        var status = PodLifecycle.Decide(TestPods.New(nodeName: TestPods.Node), At(T0)).Status!;

        status.Phase.Should().Be("Running");
        status.PodIP.Should().Be("127.1.0.9");
        status.PodIPs.Should().ContainSingle().Which.Ip.Should().Be("127.1.0.9");
        status.HostIP.Should().Be("127.0.0.1");
        status.StartTime.Should().Be(T0.UtcDateTime);
        status.QosClass.Should().Be("Guaranteed");
        status.Conditions.Select(c => (c.Type, c.Status)).Should().BeEquivalentTo(new[]
        {
            ("PodScheduled", "True"), ("Initialized", "True"), ("ContainersReady", "True"), ("Ready", "True"),
        });
    }

    [Test]
    public void Running_containers_are_ready_with_simulated_ids()
    {
        var container = PodLifecycle.Decide(TestPods.New(nodeName: TestPods.Node), At(T0)).Status!.ContainerStatuses.Single();

        container.Name.Should().Be("main");
        container.Image.Should().Be("ghcr.io/acme/agent:1");
        container.ImageID.Should().StartWith("sim://");
        container.ContainerID.Should().StartWith("sim://");
        container.Ready.Should().BeTrue();
        container.State.Running.StartedAt.Should().Be(T0.UtcDateTime);
    }

    [Test]
    public void Starting_records_a_started_event_per_container()
    {
        var decision = PodLifecycle.Decide(TestPods.New(nodeName: TestPods.Node, extraContainers: "sidecar"), At(T0));
        decision.Events.Select(e => e.Message).Should().Equal("Started container main", "Started container sidecar");
        decision.Events.Should().OnlyContain(e => e.Component == "kubelet" && e.Type == "Normal");
    }

    [Test]
    public void A_running_pod_without_deadlines_needs_nothing_more()
    {
        var running = Started(TestPods.New());
        PodLifecycle.Decide(running, At(T0.AddHours(5))).Should().Be(PodDecision.Nothing);
    }

    [Test]
    public void A_pod_naming_a_missing_runtime_class_stays_pending_unscheduled()
    {
        var decision = PodLifecycle.Decide(TestPods.New(runtimeClass: "kata-fc"), At(T0));

        decision.BindTo.Should().BeNull();
        decision.Status!.Phase.Should().Be("Pending");
        var scheduled = decision.Status.Conditions.Should().ContainSingle().Subject;
        scheduled.Type.Should().Be("PodScheduled");
        scheduled.Status.Should().Be("False");
        scheduled.Message.Should().Contain("kata-fc");
    }

    [Test]
    public void A_missing_runtime_class_is_reported_by_a_warning_event()
    {
        var decision = PodLifecycle.Decide(TestPods.New(runtimeClass: "kata-fc"), At(T0));
        var warning = decision.Events.Should().ContainSingle().Subject;
        warning.Type.Should().Be("Warning");
        warning.Reason.Should().Be("FailedCreatePodSandBox");
        warning.Message.Should().Contain("RuntimeClass \"kata-fc\" not found");
    }

    [Test]
    public void A_pod_already_waiting_for_its_runtime_class_is_not_written_again()
    {
        var pod = TestPods.New(runtimeClass: "kata-fc");
        var waiting = TestPods.With(pod, PodLifecycle.Decide(pod, At(T0)).Status);
        PodLifecycle.Decide(waiting, At(T0.AddMinutes(1))).Should().Be(PodDecision.Nothing);
    }

    [Test]
    public void A_waiting_pod_is_bound_once_its_runtime_class_exists()
    {
        var pod = TestPods.New(runtimeClass: "kata-fc");
        var waiting = TestPods.With(pod, PodLifecycle.Decide(pod, At(T0)).Status);
        var withFc = new HashSet<string> { "kata-qemu", "kata-fc" };
        PodLifecycle.Decide(waiting, At(T0.AddMinutes(1), withFc)).BindTo.Should().Be(TestPods.Node);
    }

    [Test]
    public void Starting_after_waiting_flips_pod_scheduled_to_true()
    {
        var pod = TestPods.New(runtimeClass: "kata-fc", nodeName: TestPods.Node);
        var waiting = TestPods.With(pod, PodLifecycle.Decide(pod, At(T0)).Status);
        var status = PodLifecycle.Decide(waiting, At(T0.AddMinutes(1), new HashSet<string> { "kata-fc" })).Status!;
        var scheduled = status.Conditions.Single(c => c.Type == "PodScheduled");
        scheduled.Status.Should().Be("True");
        scheduled.LastTransitionTime.Should().Be(T0.AddMinutes(1).UtcDateTime);
    }

    [Test]
    public void A_pod_on_another_node_is_left_alone()
    {
        PodLifecycle.Decide(TestPods.New(nodeName: "node-b"), At(T0)).Should().Be(PodDecision.Nothing);
    }

    [TestCase("Succeeded")]
    [TestCase("Failed")]
    public void Terminal_pods_are_left_alone(string phase)
    {
        var pod = TestPods.New(nodeName: TestPods.Node, exitAfter: "1s");
        var terminal = TestPods.With(pod, new V1PodStatus { Phase = phase });
        PodLifecycle.Decide(terminal, At(T0.AddHours(1))).Should().Be(PodDecision.Nothing);
    }

    [Test]
    public void Start_schedules_a_wake_up_at_the_exit_time()
    {
        var decision = PodLifecycle.Decide(TestPods.New(nodeName: TestPods.Node, exitAfter: "1m30s"), At(T0));
        decision.WakeAt.Should().Be(T0.AddSeconds(90));
    }

    [Test]
    public void Before_its_exit_time_a_running_pod_only_waits()
    {
        var running = Started(TestPods.New(exitAfter: "2s"));
        var decision = PodLifecycle.Decide(running, At(T0.AddMilliseconds(1500)));
        decision.IsIdle.Should().BeTrue();
        decision.WakeAt.Should().Be(T0.AddSeconds(2));
    }

    [Test]
    public void Exit_code_zero_completes_the_pod()
    {
        var running = Started(TestPods.New(exitAfter: "500ms"));
        var status = PodLifecycle.Decide(running, At(T0.AddSeconds(1))).Status!;

        status.Phase.Should().Be("Succeeded");
        var terminated = status.ContainerStatuses.Single().State.Terminated;
        terminated.ExitCode.Should().Be(0);
        terminated.Reason.Should().Be("Completed");
        terminated.FinishedAt.Should().Be(T0.AddMilliseconds(500).UtcDateTime);
        terminated.StartedAt.Should().Be(T0.UtcDateTime);
    }

    [Test]
    public void A_non_zero_exit_code_fails_the_pod()
    {
        var running = Started(TestPods.New(exitAfter: "2s", exitCode: "3"));
        var status = PodLifecycle.Decide(running, At(T0.AddSeconds(2))).Status!;

        status.Phase.Should().Be("Failed");
        status.ContainerStatuses.Single().State.Terminated.ExitCode.Should().Be(3);
        status.ContainerStatuses.Single().State.Terminated.Reason.Should().Be("Error");
    }

    [Test]
    public void A_finished_pod_is_no_longer_ready_but_keeps_its_address()
    {
        var running = Started(TestPods.New(exitAfter: "1s"));
        var status = PodLifecycle.Decide(running, At(T0.AddSeconds(1))).Status!;

        status.Conditions.Single(c => c.Type == "Ready").Status.Should().Be("False");
        status.Conditions.Single(c => c.Type == "ContainersReady").Status.Should().Be("False");
        status.ContainerStatuses.Should().OnlyContain(c => c.Ready == false);
        status.PodIP.Should().Be("127.1.0.9");
        status.StartTime.Should().Be(T0.UtcDateTime);
    }

    [Test]
    public void An_invalid_exit_after_never_exits()
    {
        var running = Started(TestPods.New(exitAfter: "soon"));
        PodLifecycle.Decide(running, At(T0.AddDays(1))).Should().Be(PodDecision.Nothing);
    }

    [Test]
    public void The_active_deadline_fails_the_pod_with_deadline_exceeded()
    {
        var running = Started(TestPods.New(activeDeadlineSeconds: 60));
        var status = PodLifecycle.Decide(running, At(T0.AddSeconds(61))).Status!;

        status.Phase.Should().Be("Failed");
        status.Reason.Should().Be("DeadlineExceeded");
        status.Message.Should().Be("Pod was active on the node longer than the specified deadline");
        var terminated = status.ContainerStatuses.Single().State.Terminated;
        terminated.ExitCode.Should().Be(137);
        terminated.FinishedAt.Should().Be(T0.AddSeconds(60).UtcDateTime);
    }

    [Test]
    public void The_active_deadline_records_deadline_exceeded_and_killing_events()
    {
        var running = Started(TestPods.New(activeDeadlineSeconds: 60));
        PodLifecycle.Decide(running, At(T0.AddSeconds(60))).Events.Select(e => e.Reason)
            .Should().Equal("DeadlineExceeded", "Killing");
    }

    [Test]
    public void A_deadline_before_the_exit_wins()
    {
        var running = Started(TestPods.New(exitAfter: "2m", activeDeadlineSeconds: 60));
        PodLifecycle.Decide(running, At(T0.AddMinutes(5))).Status!.Reason.Should().Be("DeadlineExceeded");
    }

    [Test]
    public void An_exit_before_the_deadline_wins()
    {
        var running = Started(TestPods.New(exitAfter: "30s", activeDeadlineSeconds: 60));
        PodLifecycle.Decide(running, At(T0.AddMinutes(5))).Status!.Phase.Should().Be("Succeeded");
    }

    [Test]
    public void The_wake_up_is_the_earlier_of_exit_and_deadline()
    {
        var running = Started(TestPods.New(exitAfter: "2m", activeDeadlineSeconds: 60));
        PodLifecycle.Decide(running, At(T0.AddSeconds(10))).WakeAt.Should().Be(T0.AddSeconds(60));
    }

    [Test]
    public void A_gracefully_deleted_pod_on_this_node_is_confirmed()
    {
        var running = Started(TestPods.New());
        running.Metadata.DeletionTimestamp = T0.UtcDateTime;
        var decision = PodLifecycle.Decide(running, At(T0));
        decision.ConfirmDeletion.Should().BeTrue();
        decision.Events.Should().ContainSingle(e => e.Reason == "Killing");
    }

    [Test]
    public void A_deleted_pod_with_finalizers_is_not_confirmed()
    {
        var pod = TestPods.New(nodeName: TestPods.Node);
        pod.Metadata.DeletionTimestamp = T0.UtcDateTime;
        pod.Metadata.Finalizers = ["example.com/keep"];
        PodLifecycle.Decide(pod, At(T0)).Should().Be(PodDecision.Nothing);
    }

    [Test]
    public void Init_containers_are_reported_completed_when_the_pod_starts()
    {
        var pod = TestPods.New(nodeName: TestPods.Node);
        pod.Spec.InitContainers = [new V1Container { Name = "init", Image = "busybox" }];
        var init = PodLifecycle.Decide(pod, At(T0)).Status!.InitContainerStatuses.Single();
        init.State.Terminated.Reason.Should().Be("Completed");
    }

    [TestCase(null, 0)]
    [TestCase("0", 0)]
    [TestCase("42", 42)]
    [TestCase("-1", -1)]
    [TestCase("boom", 1)]
    public void Exit_code_comes_from_sim_exit_code(string? value, int expected) =>
        PodLifecycle.ExitCode(TestPods.New(exitCode: value)).Should().Be(expected);

    [Test]
    public void Container_ids_are_stable_for_a_pod_and_container()
    {
        var pod = TestPods.New();
        PodStatuses.ContainerId(pod, "main").Should().Be(PodStatuses.ContainerId(pod, "main"))
            .And.NotBe(PodStatuses.ContainerId(pod, "other"));
    }
}
