using Airlock.Runtime.Informers;
using k8s.Models;

namespace Airlock.Runtime.Tests.Informers;

/// <summary>What each per-kind cache transform keeps (what a controller reads) and drops.</summary>
public class CacheTransformsTests
{
    /// <summary>A new instance each call (literals are interned by the compiler, deserialised strings are not).</summary>
    private static string Fresh(string value) => new(value.AsSpan());

    private static V1ObjectMeta Meta(string name) => new()
    {
        Name = name,
        NamespaceProperty = Fresh("team"),
        Uid = name + "-uid",
        ResourceVersion = "7",
        Labels = new Dictionary<string, string> { ["agents.airlock.dev/task"] = "t1", ["app.kubernetes.io/managed-by"] = "airlock" },
        Annotations = new Dictionary<string, string>
        {
            ["agents.airlock.dev/desired-hash"] = "abc",
            [CacheTransforms.LastAppliedAnnotation] = "{\"huge\":true}",
        },
        OwnerReferences = [new V1OwnerReference { ApiVersion = "agents.airlock.dev/v1alpha1", Kind = "AgentTask", Name = "t1", Uid = Fresh("task-uid"), Controller = true }],
        Finalizers = ["example.com/hold"],
        ManagedFields = [new V1ManagedFieldsEntry { Manager = "airlock-operator", Operation = "Apply" }],
    };

    private static V1Pod Pod() => new()
    {
        Metadata = Meta("t1-agent"),
        Spec = new V1PodSpec
        {
            ActiveDeadlineSeconds = 600,
            RuntimeClassName = "kata-qemu",
            ServiceAccountName = "t1-agent",
            NodeName = "node-1",
            Containers = [new V1Container { Name = "agent", Image = "ghcr.io/acme/agent:1", Env = [new V1EnvVar { Name = "A", Value = "b" }] }],
            Volumes = [new V1Volume { Name = "workspace", EmptyDir = new V1EmptyDirVolumeSource() }],
        },
        Status = new V1PodStatus
        {
            Phase = "Failed",
            Reason = "DeadlineExceeded",
            Message = "too long",
            StartTime = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            PodIP = "127.0.0.9",
            Conditions =
            [
                new V1PodCondition { Type = "PodScheduled", Status = "True" },
                new V1PodCondition { Type = "Ready", Status = "False", Reason = "ContainersNotReady", Message = "agent exited" },
            ],
            ContainerStatuses =
            [
                new V1ContainerStatus
                {
                    Name = "agent", Image = "ghcr.io/acme/agent:1", ImageID = "sha256:1", Ready = false, RestartCount = 2,
                    State = new V1ContainerState { Terminated = new V1ContainerStateTerminated { ExitCode = 3, Reason = "Error" } },
                },
            ],
        },
    };

    [Test]
    public void Metadata_keeps_labels_owners_finalizers_and_other_annotations()
    {
        var pod = (V1Pod)CacheTransforms.Slim(Pod());

        pod.Metadata.Labels.Should().Contain("agents.airlock.dev/task", "t1");
        pod.Metadata.Annotations.Should().Contain("agents.airlock.dev/desired-hash", "abc");
        pod.Metadata.OwnerReferences.Should().ContainSingle(r => r.Uid == "task-uid" && r.Controller == true);
        pod.Metadata.Finalizers.Should().Equal("example.com/hold");
        pod.Metadata.ResourceVersion.Should().Be("7");
    }

    [Test]
    public void Metadata_loses_managed_fields_and_the_last_applied_annotation()
    {
        var pod = (V1Pod)CacheTransforms.Slim(Pod());

        pod.Metadata.ManagedFields.Should().BeNull();
        pod.Metadata.Annotations.Should().NotContainKey(CacheTransforms.LastAppliedAnnotation);
    }

    [Test]
    public void Pod_keeps_what_the_status_calculator_reads()
    {
        var pod = (V1Pod)CacheTransforms.Slim(Pod());

        pod.Spec.ActiveDeadlineSeconds.Should().Be(600);
        pod.Spec.RuntimeClassName.Should().Be("kata-qemu");
        pod.Status.Phase.Should().Be("Failed");
        pod.Status.Reason.Should().Be("DeadlineExceeded");
        pod.Status.StartTime.Should().Be(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        pod.Status.ContainerStatuses.Should().ContainSingle().Which.State.Terminated.ExitCode.Should().Be(3);
    }

    [Test]
    public void Pod_keeps_its_failing_conditions_which_say_why_it_never_started()
    {
        var pod = (V1Pod)CacheTransforms.Slim(Pod());

        pod.Status.Conditions.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new V1PodCondition { Type = "Ready", Status = "False", Reason = "ContainersNotReady", Message = "agent exited" });
    }

    [Test]
    public void Pod_loses_container_details_volumes_passing_conditions_addresses_and_status_images()
    {
        var pod = (V1Pod)CacheTransforms.Slim(Pod());

        pod.Spec.Containers.Should().ContainSingle().Which.Should().BeEquivalentTo(new V1Container { Name = "agent", Image = "ghcr.io/acme/agent:1" });
        pod.Spec.Volumes.Should().BeNull();
        pod.Status.Conditions.Should().NotContain(c => c.Status == "True");
        pod.Status.PodIP.Should().BeNull();
        pod.Status.ContainerStatuses.Single().Image.Should().BeNull();
    }

    [Test]
    public void Pod_keeps_the_name_and_image_of_an_attached_ephemeral_container()
    {
        var pod = Pod();
        pod.Spec.EphemeralContainers = [new V1EphemeralContainer { Name = "debugger", Image = "busybox", TargetContainerName = "agent" }];

        CacheTransforms.Slim(pod);

        pod.Spec.EphemeralContainers.Should().ContainSingle().Which.Should().BeEquivalentTo(new V1EphemeralContainer { Name = "debugger", Image = "busybox" });
    }

    [Test]
    public void Pods_with_other_images_get_their_own_spec()
    {
        var other = Pod();
        other.Spec.Containers[0].Image = "ghcr.io/acme/agent:2";

        var first = (V1Pod)CacheTransforms.Slim(Pod());
        CacheTransforms.Slim(other);

        (first.Spec.Containers[0].Image, other.Spec.Containers[0].Image).Should().Be(("ghcr.io/acme/agent:1", "ghcr.io/acme/agent:2"));
    }

    [Test]
    public void ConfigMap_loses_its_data()
    {
        var configMap = new V1ConfigMap { Metadata = Meta("p"), Data = new Dictionary<string, string> { ["prompt"] = "long" }, BinaryData = new Dictionary<string, byte[]>() };

        CacheTransforms.Slim(configMap);

        configMap.Data.Should().BeNull();
        configMap.BinaryData.Should().BeNull();
    }

    [Test]
    public void Secret_loses_its_data()
    {
        var secret = new V1Secret { Metadata = Meta("s"), Data = new Dictionary<string, byte[]> { ["k"] = [1] }, StringData = new Dictionary<string, string> { ["k"] = "v" } };

        CacheTransforms.Slim(secret);

        secret.Data.Should().BeNull();
        secret.StringData.Should().BeNull();
    }

    [Test]
    public void NetworkPolicy_loses_its_spec()
    {
        var policy = new V1NetworkPolicy { Metadata = Meta("n"), Spec = new V1NetworkPolicySpec { PodSelector = new V1LabelSelector() } };

        CacheTransforms.Slim(policy);

        policy.Spec.Should().BeNull();
        policy.Metadata.Annotations.Should().ContainKey("agents.airlock.dev/desired-hash");
    }

    [Test]
    public void Role_loses_its_rules()
    {
        var role = new V1Role { Metadata = Meta("r"), Rules = [new V1PolicyRule { Verbs = ["get"] }] };

        CacheTransforms.Slim(role);

        role.Rules.Should().BeNull();
    }

    [Test]
    public void RoleBinding_loses_its_subjects_and_keeps_its_role_reference()
    {
        var binding = new V1RoleBinding
        {
            Metadata = Meta("b"),
            RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "Role", Name = "r" },
            Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = "t1-agent" }],
        };

        CacheTransforms.Slim(binding);

        binding.Subjects.Should().BeNull();
        binding.RoleRef.Name.Should().Be("r");
    }

    [Test]
    public void Event_keeps_what_anomaly_detection_reads_and_loses_related_and_series()
    {
        var e = new Corev1Event
        {
            Metadata = Meta("e"),
            Type = "Warning",
            Reason = "AnomalyRequestSpike",
            Message = "too many requests",
            ReportingComponent = "airlock-gateway",
            InvolvedObject = new V1ObjectReference { Kind = "AgentTask", Name = "t1" },
            Related = new V1ObjectReference { Kind = "Pod", Name = "t1-agent" },
            Series = new Corev1EventSeries { Count = 3 },
        };

        CacheTransforms.Slim(e);

        (e.Type, e.Reason, e.Message, e.ReportingComponent, e.InvolvedObject.Name).Should().Be(("Warning", "AnomalyRequestSpike", "too many requests", "airlock-gateway", "t1"));
        e.Related.Should().BeNull();
        e.Series.Should().BeNull();
    }

    [Test]
    public void Other_kinds_keep_their_body()
    {
        var ns = new V1Namespace { Metadata = Meta("team"), Spec = new V1NamespaceSpec { Finalizers = ["kubernetes"] }, Status = new V1NamespaceStatus { Phase = "Active" } };

        CacheTransforms.Slim(ns);

        ns.Spec.Finalizers.Should().Equal("kubernetes");
        ns.Status.Phase.Should().Be("Active");
        ns.Metadata.ManagedFields.Should().BeNull();
    }

    [Test]
    public void The_controller_transform_slims_and_shares_equal_strings()
    {
        var transform = CacheTransforms.ForControllers();
        var first = (V1Pod)transform(Pod());
        var second = (V1Pod)transform(Pod());

        first.Spec.Should().BeSameAs(second.Spec);
        first.Metadata.Labels.Should().BeOfType<CompactStringMap>();
        first.Metadata.NamespaceProperty.Should().BeSameAs(second.Metadata.NamespaceProperty);
        first.Metadata.OwnerReferences[0].Uid.Should().BeSameAs(second.Metadata.OwnerReferences[0].Uid);
    }

    [Test]
    public void Pods_with_the_same_deadline_and_runtime_class_share_one_read_only_spec()
    {
        var first = (V1Pod)CacheTransforms.Slim(Pod());
        var second = (V1Pod)CacheTransforms.Slim(Pod());

        first.Spec.Should().BeSameAs(second.Spec);
        first.Spec.ServiceAccountName.Should().BeNull("nothing reads it from the cache, and it would make every spec unique");
        var add = () => first.Spec.Containers.Add(new V1Container { Name = "x" });
        add.Should().Throw<NotSupportedException>();
    }

    [Test]
    public void Pods_with_another_deadline_get_their_own_spec()
    {
        var other = Pod();
        other.Spec.ActiveDeadlineSeconds = 60;

        var first = (V1Pod)CacheTransforms.Slim(Pod());
        var second = (V1Pod)CacheTransforms.Slim(other);

        second.Spec.Should().NotBeSameAs(first.Spec);
        second.Spec.ActiveDeadlineSeconds.Should().Be(60);
    }

    [Test]
    public void Children_of_one_owner_share_one_read_only_owner_reference_list()
    {
        var transform = CacheTransforms.ForControllers();
        var pod = (V1Pod)transform(Pod());
        var account = (V1ServiceAccount)transform(new V1ServiceAccount { Metadata = Meta("t1-agent") });

        account.Metadata.OwnerReferences.Should().BeSameAs(pod.Metadata.OwnerReferences);
        account.Metadata.OwnerReferences.Should().ContainSingle(r => r.Uid == "task-uid" && r.Controller == true);
        var add = () => account.Metadata.OwnerReferences.Add(new V1OwnerReference());
        add.Should().Throw<NotSupportedException>();
    }
}
