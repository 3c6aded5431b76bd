using Airlock.Api;
using Airlock.Api.Tasks;
using Airlock.Operator.Policies;
using Airlock.Operator.Sandbox;
using Airlock.Operator.Status;
using Airlock.Operator.Tests.Support;
using k8s.Models;

namespace Airlock.Operator.Tests.Status;

public class PodTamperTests
{
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static readonly DateTime Now = FixedClock.GoldenNow.UtcDateTime;

    private static AgentTask Task(string image = "ghcr.io/acme/agent:1")
    {
        var task = Tasks.Minimal();
        task.Spec.Image = image;
        return task;
    }

    private static V1Pod Pod(AgentTask task) => AgentTaskSandbox.Build(task, BuiltinPolicy.Effective, SandboxSettings.Default).Pod;

    private static string? Check(V1Pod pod, AgentTask task) => PodTamper.Check(pod, task, DesiredHash.OfSandboxSpec(task.Spec));

    [Test]
    public void The_pod_as_built_is_trusted()
    {
        var task = Task();

        Check(Pod(task), task).Should().BeNull();
    }

    [Test]
    public void A_removed_task_label_takes_the_pod_out_of_its_network_policy()
    {
        var task = Task();
        var pod = Pod(task);
        pod.Metadata.Labels.Remove(AirlockLabels.Task);

        Check(pod, task).Should().Be($"label {AirlockLabels.Task} was removed");
    }

    [Test]
    public void A_changed_component_label_counts()
    {
        var task = Task();
        var pod = Pod(task);
        pod.Metadata.Labels[AirlockLabels.Component] = "debug";

        Check(pod, task).Should().Be($"label {AirlockLabels.Component} was changed to \"debug\"");
    }

    [Test]
    public void Labels_of_others_do_not_count()
    {
        var task = Task();
        var pod = Pod(task);
        pod.Metadata.Labels["team"] = "blue";

        Check(pod, task).Should().BeNull();
    }

    [Test]
    public void An_attached_ephemeral_container_counts()
    {
        var task = Task();
        var pod = Pod(task);
        pod.Spec.EphemeralContainers = [new V1EphemeralContainer { Name = "debugger-x7", Image = "busybox" }];

        Check(pod, task).Should().Be("ephemeral container debugger-x7 was attached");
    }

    [Test]
    public void Another_image_for_the_agent_counts()
    {
        var task = Task();
        var pod = Pod(task);
        pod.Spec.Containers[0].Image = "evil.example/agent:latest";

        Check(pod, task).Should().Be("container agent runs image \"evil.example/agent:latest\" instead of \"ghcr.io/acme/agent:1\"");
    }

    [Test]
    public void After_a_spec_edit_the_pod_keeps_the_image_it_was_built_with()
    {
        var pod = Pod(Task("ghcr.io/acme/agent:1"));

        Check(pod, Task("ghcr.io/acme/agent:2")).Should().BeNull();
    }

    [Test]
    public void An_image_pinned_to_a_digest_at_admission_is_the_same_image()
    {
        var task = Task();
        var pod = Pod(task);
        pod.Spec.Containers[0].Image = $"ghcr.io/acme/agent:1@{Digest}";

        Check(pod, task).Should().BeNull();
    }

    [TestCase("ghcr.io/acme/agent:1@sha256:short")]
    [TestCase("ghcr.io/acme/agent:1-evil")]
    [TestCase("ghcr.io/acme/agent:10")]
    public void Other_references_are_other_images(string running)
    {
        PodTamper.SameImage("ghcr.io/acme/agent:1", running).Should().BeFalse();
    }

    [Test]
    public void A_pinned_digest_is_never_replaced()
    {
        PodTamper.SameImage($"ghcr.io/acme/agent@{Digest}", $"ghcr.io/acme/agent@{Digest}@{Digest}").Should().BeFalse();
    }

    [Test]
    public void A_rewritten_spec_hash_annotation_counts()
    {
        var task = Task();
        var pod = Pod(task);
        task.Status = new AgentTaskStatus { PodName = pod.Metadata.Name, PodSpecHash = pod.Metadata.Annotations[AirlockAnnotations.SpecHash] };
        pod.Metadata.Annotations[AirlockAnnotations.SpecHash] = "0000";
        pod.Spec.Containers[0].Image = "evil.example/agent:latest";

        Check(pod, task).Should().Be($"annotation {AirlockAnnotations.SpecHash} was changed");
    }

    [Test]
    public void The_status_records_the_spec_hash_the_pod_was_created_with()
    {
        var task = Task();
        var pod = Pod(task);

        var result = AgentTaskStatusCalculator.Compute(task, new ObservedChildren(pod, true), Now, TaskGate.Open);

        result.Status.PodSpecHash.Should().Be(DesiredHash.OfSandboxSpec(task.Spec));
    }

    [Test]
    public void A_tampered_pod_fails_the_task_and_stops_the_sandbox()
    {
        var task = Task();
        var pod = Pod(task);
        pod.Status = new V1PodStatus { Phase = "Running", StartTime = Now.AddMinutes(-1) };

        var result = AgentTaskStatusCalculator.Compute(task, new ObservedChildren(pod, true), Now, new TaskGate { Tampering = "label x was removed" });

        (result.Status.Phase, result.Status.Message).Should().Be((AgentTaskPhase.Failed, "the sandbox pod was changed outside Airlock: label x was removed"));
        result.Status.Conditions!.Single(c => c.Type == AgentTaskConditionTypes.Completed).Reason.Should().Be(AgentTaskConditionReasons.SandboxTampered);
    }
}
