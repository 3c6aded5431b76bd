using Airlock.Operator.Sandbox;

namespace Airlock.Operator.Tests.Sandbox;

public class SandboxNamesTests
{
    private const string DnsLabel = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

    public static IEnumerable<string> TaskNames()
    {
        yield return "a";
        yield return "triage-4211";
        yield return new string('x', 56);
        yield return new string('x', 57);
        yield return new string('x', 63);
        yield return "a." + new string('b', 60);
        yield return string.Join('.', Enumerable.Repeat(new string('c', 62), 5)).Substring(0, 253).TrimEnd('.', '-');
        yield return "release-1.2.3";
    }

    [TestCaseSource(nameof(TaskNames))]
    public void Child_names_are_dns_labels_of_at_most_63_characters(string task)
    {
        foreach (var name in new[] { SandboxNames.Agent(task), SandboxNames.Prompt(task), SandboxNames.Sandbox(task) })
        {
            name.Should().MatchRegex(DnsLabel).And.HaveLength(Math.Min(name.Length, 63));
        }
    }

    [TestCaseSource(nameof(TaskNames))]
    public void Task_label_value_fits_a_label(string task)
    {
        SandboxNames.TaskLabelValue(task).Length.Should().BeLessThanOrEqualTo(63);
    }

    [Test]
    public void Short_names_keep_the_plain_suffix()
    {
        SandboxNames.Agent("triage-4211").Should().Be("triage-4211-agent");
    }

    [Test]
    public void Long_names_that_share_a_prefix_get_different_children()
    {
        var prefix = new string('x', 70);

        SandboxNames.Agent(prefix + "-one").Should().NotBe(SandboxNames.Agent(prefix + "-two"));
    }

    [Test]
    public void Dotted_names_get_different_children_from_their_dashed_twins()
    {
        SandboxNames.Agent("release-1.2").Should().NotBe(SandboxNames.Agent("release-1-2"));
    }
}
