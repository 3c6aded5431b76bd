using System.Text.RegularExpressions;
using Airlock.Install.Tests.Support;

namespace Airlock.Install.Tests.Docs;

/// <summary>The flag tables in docs/operations.md name every flag the built CLI offers, and no flag it does not.</summary>
[TestFixture]
public sealed partial class FlagDocsTests
{
    [TestCase("operator")]
    [TestCase("gateway")]
    [TestCase("egress")]
    public void Operations_guide_documents_every_flag_of(string component)
    {
        var help = AirlockCheck.Help(component).EnsureSuccess().Stdout;
        var flags = HelpFlag().Matches(help).Select(m => m.Groups[1].Value).Where(f => f != "--help").ToList();
        var doc = File.ReadAllText(Golden.RepoPath("docs/operations.md"));

        flags.Should().NotBeEmpty();
        foreach (var flag in flags) doc.Should().Contain($"`{flag}`", $"airlock {component} has {flag}");
    }

    [TestCase("operator")]
    [TestCase("gateway")]
    [TestCase("egress")]
    public void Operations_guide_documents_no_flag_the_cli_lacks(string component)
    {
        var help = AirlockCheck.Help(component).EnsureSuccess().Stdout;
        var doc = File.ReadAllText(Golden.RepoPath("docs/operations.md"));
        var table = doc[doc.IndexOf($"`airlock {component}`:", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("\n\n", table.IndexOf('|', StringComparison.Ordinal), StringComparison.Ordinal)];

        foreach (Match documented in DocumentedFlag().Matches(table)) help.Should().Contain(documented.Groups[1].Value + " ", $"docs list {documented.Value}");
    }

    [GeneratedRegex(@"^\s+(?:-\S+, )?(--[a-z][a-z0-9-]*)", RegexOptions.Multiline)]
    private static partial Regex HelpFlag();

    [GeneratedRegex(@"`(--[a-z][a-z0-9-]*)`")]
    private static partial Regex DocumentedFlag();
}
