using Airlock.Api.Policies;
using Airlock.Operator.Policies;
using k8s.Models;

namespace Airlock.Operator.Tests.Governance;

/// <summary>Which namespaces a ClusterAgentPolicy governs.</summary>
public sealed class PolicySelectionTests
{
    private static V1Namespace Ns(string name, params (string Key, string Value)[] labels) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = labels.ToDictionary(l => l.Key, l => l.Value) },
    };

    private static ClusterAgentPolicy Policy(V1LabelSelector? selector) => new() { Metadata = new() { Name = "p" }, Spec = new() { NamespaceSelector = selector } };

    [Test]
    public void Omitted_selector_selects_every_namespace() =>
        PolicySelection.Selects(Policy(null), Ns("any")).Should().BeTrue();

    [Test]
    public void Empty_selector_selects_every_namespace() =>
        PolicySelection.Selects(Policy(new V1LabelSelector()), Ns("any")).Should().BeTrue();

    [Test]
    public void Match_labels_select_only_labelled_namespaces()
    {
        var policy = Policy(new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["team"] = "ml" } });

        (PolicySelection.Selects(policy, Ns("a", ("team", "ml"))), PolicySelection.Selects(policy, Ns("b", ("team", "web")))).Should().Be((true, false));
    }

    [Test]
    public void Match_expressions_are_honoured()
    {
        var policy = Policy(new V1LabelSelector { MatchExpressions = [new V1LabelSelectorRequirement { Key = "tier", OperatorProperty = "NotIn", Values = ["prod"] }] });

        (PolicySelection.Selects(policy, Ns("a", ("tier", "dev"))), PolicySelection.Selects(policy, Ns("b", ("tier", "prod")))).Should().Be((true, false));
    }

    [Test]
    public void Selector_with_an_unknown_operator_selects_fail_closed()
    {
        var policy = Policy(new V1LabelSelector { MatchExpressions = [new V1LabelSelectorRequirement { Key = "tier", OperatorProperty = "Matches" }] });

        PolicySelection.Selects(policy, Ns("a")).Should().BeTrue();
    }

    [Test]
    public void Unknown_namespace_is_governed_fail_closed()
    {
        var policy = Policy(new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["team"] = "ml" } });

        PolicySelection.Selects(policy, null).Should().BeTrue();
    }
}
