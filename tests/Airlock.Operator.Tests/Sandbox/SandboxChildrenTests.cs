using Airlock.Api;
using Airlock.Api.Tasks;
using Airlock.Operator.Policies;
using Airlock.Operator.Sandbox;
using Airlock.Operator.Tests.Support;

namespace Airlock.Operator.Tests.Sandbox;

public class SandboxChildrenTests
{
    private static SandboxObjects Build(AgentTask task) => AgentTaskSandbox.Build(task, BuiltinPolicy.Effective, SandboxSettings.Default);

    private static AgentTask WithPermissions()
    {
        var task = Tasks.Minimal();
        task.Spec.Permissions = [new PermissionRule { ApiGroups = [""], Resources = ["configmaps"], Verbs = ["get"] }];
        return task;
    }

    [Test]
    public void Every_child_is_controlled_by_the_task()
    {
        foreach (var child in Build(WithPermissions()).All)
        {
            var owner = child.Metadata.OwnerReferences.Should().ContainSingle().Subject;
            (owner.Kind, owner.Name, owner.Uid, owner.Controller, owner.BlockOwnerDeletion)
                .Should().Be(("AgentTask", "hello", "7f1c0a52-0000-4000-8000-000000000001", true, true), child.Kind);
        }
    }

    [Test]
    public void Every_child_carries_the_task_and_managed_by_labels()
    {
        foreach (var child in Build(WithPermissions()).All)
        {
            child.Metadata.Labels.Should().Contain(AirlockLabels.Task, "hello").And.Contain(AirlockLabels.ManagedBy, "airlock");
        }
    }

    [Test]
    public void Every_child_lives_in_the_task_namespace()
    {
        Build(WithPermissions()).All.Select(c => c.Metadata.NamespaceProperty).Should().AllBe("agents");
    }

    [Test]
    public void Every_child_carries_a_desired_hash()
    {
        // The children Airlock patches carry their content fingerprint (fp1-...), the pod a hash of the whole object.
        Build(WithPermissions()).All.Select(DesiredHash.Read).Should().AllSatisfy(h => h.Should().MatchRegex("^(fp1-)?[0-9a-f]{64}$"));
    }

    [Test]
    public void Building_twice_gives_the_same_hashes()
    {
        Build(WithPermissions()).All.Select(DesiredHash.Read).Should().Equal(Build(WithPermissions()).All.Select(DesiredHash.Read));
    }

    [Test]
    public void Prompt_change_changes_the_config_map_hash()
    {
        var changed = Tasks.Minimal();
        changed.Spec.Prompt = "something else";

        DesiredHash.Read(Build(changed).Prompt).Should().NotBe(DesiredHash.Read(Build(Tasks.Minimal()).Prompt));
    }

    [Test]
    public void Sandbox_spec_hash_ignores_the_debug_opening()
    {
        var task = Tasks.Minimal();
        var before = DesiredHash.OfSandboxSpec(task.Spec);
        task.Spec.Debug = new DebugAccess { AllowFrom = ["10.0.0.1/32"], Ports = [22], ExpiresAt = DateTime.UtcNow };

        DesiredHash.OfSandboxSpec(task.Spec).Should().Be(before);
    }

    [Test]
    public void No_role_without_permissions()
    {
        var objects = Build(Tasks.Minimal());

        (objects.Role, objects.RoleBinding).Should().Be((null, null));
    }

    [Test]
    public void Role_holds_exactly_the_requested_rules_and_binds_the_agent()
    {
        var objects = Build(WithPermissions());

        objects.Role!.Rules.Should().ContainSingle().Which.Resources.Should().Equal("configmaps");
        objects.RoleBinding!.Subjects.Should().ContainSingle().Which.Name.Should().Be("hello-agent");
        objects.RoleBinding.RoleRef.Name.Should().Be("hello-agent");
    }

    [Test]
    public void Service_account_does_not_automount_its_token()
    {
        Build(Tasks.Minimal()).ServiceAccount.AutomountServiceAccountToken.Should().BeFalse();
    }

    [Test]
    public void Network_policy_comes_before_the_pod()
    {
        var kinds = Build(Tasks.Minimal()).All.Select(c => c.Kind).ToList();

        kinds.IndexOf("NetworkPolicy").Should().BeLessThan(kinds.IndexOf("Pod"));
    }

    [Test]
    public void Config_map_holds_the_prompt()
    {
        var task = Tasks.Minimal();
        task.Spec.Prompt = "do the thing";

        Build(task).Prompt.Data[SandboxContract.PromptKey].Should().Be("do the thing");
    }
}
