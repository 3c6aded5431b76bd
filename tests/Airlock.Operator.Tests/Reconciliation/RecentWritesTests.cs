using Airlock.Operator.Reconciliation;
using Airlock.Runtime.Informers;
using k8s.Models;

namespace Airlock.Operator.Tests.Reconciliation;

public sealed class RecentWritesTests
{
    private static V1ConfigMap Written(string resourceVersion) => new()
    {
        ApiVersion = "v1",
        Kind = "ConfigMap",
        Metadata = new V1ObjectMeta
        {
            Name = "t-prompt",
            NamespaceProperty = "agents",
            Uid = "u-1",
            ResourceVersion = resourceVersion,
            ManagedFields = [new V1ManagedFieldsEntry { Manager = "airlock-operator", Operation = "Apply" }],
        },
    };

    [Test]
    public void A_write_newer_than_the_cache_wins_over_the_cached_copy()
    {
        var recent = new RecentWrites();
        recent.Written(Written("12"));

        recent.Resolve("agents", "t-prompt", Written("11"))!.Metadata.ResourceVersion.Should().Be("12");
    }

    [Test]
    public void Once_the_cache_caught_up_the_cached_copy_is_the_truth_and_the_entry_is_dropped()
    {
        var recent = new RecentWrites();
        recent.Written(Written("12"));

        recent.Resolve("agents", "t-prompt", Written("13"))!.Metadata.ResourceVersion.Should().Be("13");
        recent.Count.Should().Be(0);
    }

    [Test]
    public void Remembered_writes_hold_no_managed_fields()
    {
        var recent = new RecentWrites();
        recent.Written(Written("12"));

        recent.Resolve<V1ConfigMap>("agents", "t-prompt", null)!.Metadata.ManagedFields.Should().BeNull();
    }

    [Test]
    public void Remembered_writes_are_kept_as_the_cache_transform_leaves_them()
    {
        var recent = new RecentWrites(transform: CacheTransforms.Slim);
        recent.Written(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "t-agent", NamespaceProperty = "agents", Uid = "u-2", ResourceVersion = "5" },
            Spec = new V1PodSpec { RuntimeClassName = "kata", Containers = [new V1Container { Name = "agent", Image = "agent:1", Args = ["--long"] }] },
        });

        var pod = recent.Resolve<V1Pod>("agents", "t-agent", null)!;

        pod.Spec.Containers.Should().ContainSingle().Which.Args.Should().BeNull();
        pod.Spec.RuntimeClassName.Should().Be("kata");
    }

    [Test]
    public void The_watch_echo_of_a_write_is_recognised_and_forgotten()
    {
        var recent = new RecentWrites();
        recent.Written(Written("12"));

        recent.IsEcho(Written("12")).Should().BeTrue();
        recent.Count.Should().Be(0);
    }

    [Test]
    public void A_version_the_operator_did_not_write_is_no_echo()
    {
        var recent = new RecentWrites();
        recent.Written(Written("12"));

        recent.IsEcho(Written("13")).Should().BeFalse();
    }

    [Test]
    public void A_remembered_delete_hides_the_cached_copy_it_deleted()
    {
        var recent = new RecentWrites();
        recent.Deleted(Written("12"));

        recent.Resolve("agents", "t-prompt", Written("12")).Should().BeNull();
    }
}
