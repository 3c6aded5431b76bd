using System.Text.Json.Nodes;
using Airlock.Operator.Policies;
using Airlock.Operator.Reconciliation;
using Airlock.Operator.Sandbox;
using Airlock.Operator.Tests.Support;
using k8s;
using k8s.Models;

namespace Airlock.Operator.Tests.Reconciliation;

public sealed class ChildPatchTests
{
    private static SandboxObjects Desired() => AgentTaskSandbox.Build(Tasks.Minimal(), BuiltinPolicy.Effective, SandboxSettings.Default);

    private static V1NetworkPolicy Current()
    {
        var current = KubernetesJson.Deserialize<V1NetworkPolicy>(KubernetesJson.Serialize(Desired().NetworkPolicy));
        current.Metadata.Uid = "0b7e3c8a-1111-4000-8000-000000000002";
        current.Metadata.ResourceVersion = "4711";
        current.Metadata.Labels["team"] = "blue";
        current.Metadata.Labels[Api.AirlockLabels.Component] = "tampered";
        return current;
    }

    private static JsonArray Ops() => JsonNode.Parse(ChildPatch.Build(Desired().NetworkPolicy, Current()))!.AsArray();

    private static JsonNode? Value(string op, string path) =>
        Ops().Single(o => (string?)o!["op"] == op && (string?)o["path"] == path)!["value"];

    [Test]
    public void The_patch_is_guarded_by_uid_and_resource_version()
    {
        ((string?)Value("test", "/metadata/uid"), (string?)Value("test", "/metadata/resourceVersion"))
            .Should().Be(("0b7e3c8a-1111-4000-8000-000000000002", "4711"));
    }

    [Test]
    public void The_whole_spec_is_replaced()
    {
        Value("add", "/spec")!.ToJsonString().Should().Be(JsonNode.Parse(KubernetesJson.Serialize(Desired().NetworkPolicy.Spec))!.ToJsonString());
    }

    [Test]
    public void Labels_of_others_are_kept_and_airlock_labels_restored()
    {
        var labels = Value("add", "/metadata/labels")!.AsObject();

        ((string?)labels["team"], (string?)labels[Api.AirlockLabels.Component]).Should().Be(("blue", "sandbox"));
    }

    [Test]
    public void A_pod_is_never_patched()
    {
        var act = () => ChildPatch.Build(Desired().Pod, Desired().Pod);

        act.Should().Throw<ArgumentException>();
    }
}
