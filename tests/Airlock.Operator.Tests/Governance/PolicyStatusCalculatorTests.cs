using Airlock.Api.Policies;
using Airlock.Operator.Governance.PolicyStatus;
using Airlock.Operator.Policies;
using k8s.Models;
using Conditions = Airlock.Api.Policies.ClusterAgentPolicyConditions;

namespace Airlock.Operator.Tests.Governance;

/// <summary>status.governedNamespaces and the Ready/Conflicting conditions of a ClusterAgentPolicy.</summary>
public sealed class PolicyStatusCalculatorTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    private static readonly V1Namespace[] Namespaces =
    [
        new() { Metadata = new() { Name = "ml", Labels = new Dictionary<string, string> { ["team"] = "ml" } } },
        new() { Metadata = new() { Name = "web", Labels = new Dictionary<string, string> { ["team"] = "web" } } },
    ];

    private static ClusterAgentPolicy Policy(string name, string? team = null, Action<ClusterAgentPolicySpec>? edit = null)
    {
        var spec = new ClusterAgentPolicySpec
        {
            NamespaceSelector = team is null ? null : new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["team"] = team } },
        };
        edit?.Invoke(spec);
        return new ClusterAgentPolicy { Metadata = new() { Name = name, Generation = 2 }, Spec = spec };
    }

    private static V1Condition Condition(ClusterAgentPolicyStatus status, string type) => status.Conditions!.Single(c => c.Type == type);

    [Test]
    public void Governed_namespaces_are_the_selected_ones()
    {
        var policy = Policy("ml-only", "ml");

        PolicyStatusCalculator.Compute(policy, [policy], Namespaces, Now).GovernedNamespaces.Should().Equal("ml");
    }

    [Test]
    public void Policy_without_selector_governs_every_namespace()
    {
        var policy = Policy("all");

        PolicyStatusCalculator.Compute(policy, [policy], Namespaces, Now).GovernedNamespaces.Should().Equal("ml", "web");
    }

    [Test]
    public void Valid_policy_without_rivals_is_ready_and_not_conflicting()
    {
        var policy = Policy("all");

        var status = PolicyStatusCalculator.Compute(policy, [policy], Namespaces, Now);

        (Condition(status, Conditions.Ready).Status, Condition(status, Conditions.Conflicting).Status).Should().Be(("True", "False"));
        status.ObservedGeneration.Should().Be(2);
    }

    [Test]
    public void Disjoint_runtime_classes_in_a_shared_namespace_are_a_conflict()
    {
        var qemu = Policy("qemu", edit: s => s.AllowedRuntimeClasses = ["kata-qemu"]);
        var fc = Policy("fc", "ml", s => s.AllowedRuntimeClasses = ["kata-fc"]);

        var condition = Condition(PolicyStatusCalculator.Compute(qemu, [qemu, fc], Namespaces, Now), Conditions.Conflicting);

        (condition.Status, condition.Reason, condition.Message).Should().Be(("True", Conditions.StricterValueWins,
            "allowedRuntimeClasses shares no runtime class with policy fc: no task can run where both apply"));
    }

    [Test]
    public void Policies_over_different_namespaces_do_not_conflict()
    {
        var ml = Policy("ml", "ml", s => s.AllowedRuntimeClasses = ["kata-qemu"]);
        var web = Policy("web", "web", s => s.AllowedRuntimeClasses = ["kata-fc"]);

        Condition(PolicyStatusCalculator.Compute(ml, [ml, web], Namespaces, Now), Conditions.Conflicting).Status.Should().Be("False");
    }

    [Test]
    public void Default_timeout_above_another_policys_maximum_is_reported()
    {
        var a = Policy("a", edit: s => s.DefaultTimeout = "2h");
        var b = Policy("b", edit: s => s.MaxTimeout = "1h");

        Condition(PolicyStatusCalculator.Compute(a, [a, b], Namespaces, Now), Conditions.Conflicting).Message.Should().Be(
            "defaultTimeout 2h is longer than maxTimeout 1h of policy b; 1h applies where both apply");
    }

    [Test]
    public void Invalid_policy_is_not_ready_with_the_problem()
    {
        var policy = Policy("bad", edit: s => s.AllowedRuntimeClasses = ["runc"]);

        var condition = Condition(PolicyStatusCalculator.Compute(policy, [policy], Namespaces, Now), Conditions.Ready);

        (condition.Status, condition.Message).Should().Be(("False",
            "spec.allowedRuntimeClasses: \"runc\" is not a Kata runtime Airlock knows; use kata-qemu, kata-clh, kata-fc, kata-qemu-snp, kata-qemu-tdx"));
    }

    [Test]
    public void Merge_of_conflicting_policies_takes_the_stricter_value()
    {
        var merged = PolicyMerger.Merge([Policy("a", edit: s => s.MaxTimeout = "2h"), Policy("b", edit: s => s.MaxTimeout = "1h")]);

        merged.MaxTimeout.Should().Be(TimeSpan.FromHours(1));
    }

    [Test]
    public void Recomputing_an_unchanged_status_is_not_a_change()
    {
        var policy = Policy("all");
        policy.Status = PolicyStatusCalculator.Compute(policy, [policy], Namespaces, Now);

        PolicyStatusCalculator.Differs(policy.Status, PolicyStatusCalculator.Compute(policy, [policy], Namespaces, Now.AddMinutes(5))).Should().BeFalse();
    }
}
