using Airlock.Api.Policies;
using Airlock.Api.Tasks;
using Airlock.Operator.Policies;
using k8s.Models;

namespace Airlock.Operator.Tests.Policies;

public class PolicyMergerTests
{
    private static ClusterAgentPolicy Policy(string name, Action<ClusterAgentPolicySpec> configure)
    {
        var policy = new ClusterAgentPolicy { Metadata = new V1ObjectMeta { Name = name } };
        configure(policy.Spec);
        return policy;
    }

    [Test]
    public void No_policy_gives_the_builtin_default()
    {
        PolicyMerger.Merge([]).Should().Be(BuiltinPolicy.Effective);
    }

    [Test]
    public void Builtin_default_matches_the_design()
    {
        var p = BuiltinPolicy.Effective;

        p.AllowedRuntimeClasses.Should().Equal("kata-qemu", "kata-clh", "kata-fc", "kata-qemu-snp", "kata-qemu-tdx");
        (p.DefaultRuntimeClass, p.DefaultTimeout, p.MaxTimeout, p.MaxDebugWindow)
            .Should().Be(("kata-qemu", TimeSpan.FromHours(1), TimeSpan.FromHours(24), TimeSpan.FromHours(8)));
        (p.DefaultTokenExpirationSeconds, p.MaxTokenExpirationSeconds, p.RequireImageDigest).Should().Be((600L, 3600L, false));
        (p.MaxResources.Cpu.ToString(), p.MaxResources.Memory.ToString(), p.MaxResources.EphemeralStorage.ToString()).Should().Be(("8", "32Gi", "100Gi"));
    }

    [Test]
    public void Runtime_classes_are_intersected()
    {
        var merged = PolicyMerger.Merge([
            Policy("a", s => s.AllowedRuntimeClasses = ["kata-qemu", "kata-clh"]),
            Policy("b", s => s.AllowedRuntimeClasses = ["kata-clh", "kata-fc"]),
        ]);

        merged.AllowedRuntimeClasses.Should().Equal("kata-clh");
        merged.DefaultRuntimeClass.Should().Be("kata-clh");
    }

    [Test]
    public void A_policy_cannot_allow_a_runtime_the_builtin_list_lacks()
    {
        PolicyMerger.Merge([Policy("a", s => s.AllowedRuntimeClasses = ["runc"])]).AllowedRuntimeClasses.Should().BeEmpty();
    }

    [Test]
    public void Shortest_maximum_timeout_wins()
    {
        var merged = PolicyMerger.Merge([Policy("a", s => s.MaxTimeout = "2h"), Policy("b", s => s.MaxTimeout = "12h")]);

        merged.MaxTimeout.Should().Be(TimeSpan.FromHours(2));
    }

    [Test]
    public void Default_timeout_never_exceeds_the_maximum()
    {
        PolicyMerger.Merge([Policy("a", s => s.MaxTimeout = "30m")]).DefaultTimeout.Should().Be(TimeSpan.FromMinutes(30));
    }

    [Test]
    public void Smallest_resource_ceiling_wins_per_dimension()
    {
        var merged = PolicyMerger.Merge([
            Policy("a", s => s.MaxResources = new TaskResources { Cpu = new ResourceQuantity("4") }),
            Policy("b", s => s.MaxResources = new TaskResources { Memory = new ResourceQuantity("8Gi") }),
        ]);

        (merged.MaxResources.Cpu.ToString(), merged.MaxResources.Memory.ToString(), merged.MaxResources.EphemeralStorage.ToString())
            .Should().Be(("4", "8Gi", "100Gi"));
    }

    [Test]
    public void Any_policy_requiring_digests_requires_them()
    {
        PolicyMerger.Merge([Policy("a", s => s.RequireImageDigest = false), Policy("b", s => s.RequireImageDigest = true)])
            .RequireImageDigest.Should().BeTrue();
    }

    [Test]
    public void Host_allowlists_are_kept_per_policy()
    {
        var merged = PolicyMerger.Merge([
            Policy("a", s => s.Egress = new EgressPolicy { AllowedHosts = ["*.github.com"] }),
            Policy("b", s => s.Egress = new EgressPolicy { AllowedHosts = ["api.github.com"] }),
        ]);

        merged.HostAllowlists.Should().HaveCount(2);
    }

    [Test]
    public void Model_ceilings_take_the_minimum()
    {
        var merged = PolicyMerger.Merge([
            Policy("a", s => s.Model = new ModelPolicy { MaxTotalTokens = 5_000_000, AllowedModels = ["a", "b"] }),
            Policy("b", s => s.Model = new ModelPolicy { MaxTotalTokens = 1_000_000, AllowedModels = ["b", "c"] }),
        ]);

        merged.MaxTotalTokens.Should().Be(1_000_000);
        merged.AllowedModels.Should().BeEquivalentTo(["b"]);
    }

    [Test]
    public void Unparseable_durations_keep_the_stricter_value()
    {
        PolicyMerger.Merge([Policy("a", s => s.MaxDebugWindow = "soon")]).MaxDebugWindow.Should().Be(TimeSpan.FromHours(8));
    }

    [Test]
    public void Merge_does_not_depend_on_list_order()
    {
        var a = Policy("a", s => { s.AllowedRuntimeClasses = ["kata-qemu", "kata-clh"]; s.DefaultRuntimeClass = "kata-clh"; });
        var b = Policy("b", s => { s.AllowedRuntimeClasses = ["kata-qemu", "kata-clh"]; s.DefaultRuntimeClass = "kata-qemu"; });

        PolicyMerger.Merge([a, b]).DefaultRuntimeClass.Should().Be(PolicyMerger.Merge([b, a]).DefaultRuntimeClass);
    }

    [Test]
    public void Approval_is_needed_only_when_asked_under_the_builtin_policy()
    {
        ApprovalRules.Required(new AgentTaskSpec { Image = "x" }, BuiltinPolicy.Effective).Should().BeFalse();
        ApprovalRules.Required(new AgentTaskSpec { Image = "x", Approval = new ApprovalRequest { Required = true } }, BuiltinPolicy.Effective).Should().BeTrue();
    }

    [Test]
    public void Write_verbs_need_approval_when_the_policy_says_so()
    {
        var policy = PolicyMerger.Merge([Policy("a", s => s.Approval = new ApprovalPolicy { WhenWriteVerbs = true })]);
        var spec = new AgentTaskSpec { Image = "x", Permissions = [new PermissionRule { ApiGroups = [""], Resources = ["configmaps"], Verbs = ["patch"] }] };

        ApprovalRules.Required(spec, policy).Should().BeTrue();
    }
}
