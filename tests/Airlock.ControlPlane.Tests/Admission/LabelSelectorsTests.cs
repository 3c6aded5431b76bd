using System.Text.Json.Nodes;
using Airlock.ControlPlane.Admission;

namespace Airlock.ControlPlane.Tests.Admission;

public class LabelSelectorsTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["env"] = "prod", ["team"] = "a" };

    private static JsonObject Expression(string key, string op, params string[] values)
    {
        var expression = new JsonObject { ["key"] = key, ["operator"] = op };
        if (values.Length > 0) expression["values"] = new JsonArray(values.Select(v => (JsonNode?)v).ToArray());
        return new JsonObject { ["matchExpressions"] = new JsonArray(expression) };
    }

    [Test]
    public void An_absent_selector_selects_everything() => LabelSelectors.Matches(null, Labels).Should().BeTrue();

    [Test]
    public void An_empty_selector_selects_everything() => LabelSelectors.Matches([], new Dictionary<string, string>()).Should().BeTrue();

    [TestCase("prod", true)]
    [TestCase("dev", false)]
    public void Match_labels_need_equal_values(string value, bool matches) =>
        LabelSelectors.Matches(Webhooks.MatchLabels("env", value), Labels).Should().Be(matches);

    [TestCase("In", "env", new[] { "dev", "prod" }, true)]
    [TestCase("In", "env", new[] { "dev" }, false)]
    [TestCase("In", "missing", new[] { "x" }, false)]
    [TestCase("NotIn", "env", new[] { "dev" }, true)]
    [TestCase("NotIn", "env", new[] { "prod" }, false)]
    [TestCase("NotIn", "missing", new[] { "x" }, true)]
    [TestCase("Exists", "team", new string[0], true)]
    [TestCase("Exists", "missing", new string[0], false)]
    [TestCase("DoesNotExist", "missing", new string[0], true)]
    [TestCase("DoesNotExist", "team", new string[0], false)]
    public void Match_expressions_follow_their_operator(string op, string key, string[] values, bool matches) =>
        LabelSelectors.Matches(Expression(key, op, values), Labels).Should().Be(matches);

    [Test]
    public void An_unknown_operator_is_an_error()
    {
        var act = () => LabelSelectors.Matches(Expression("env", "Like", "p*"), Labels);
        act.Should().Throw<FormatException>();
    }

    [Test]
    public void In_without_values_is_an_error()
    {
        var act = () => LabelSelectors.Matches(Expression("env", "In"), Labels);
        act.Should().Throw<FormatException>();
    }
}
