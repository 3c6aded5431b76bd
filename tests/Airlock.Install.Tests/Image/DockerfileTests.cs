using Airlock.Install.Tests.Support;

namespace Airlock.Install.Tests.Image;

/// <summary>The Dockerfile, read as text (no Docker engine here): multi-stage, shell-free runtime, numeric non-root user.</summary>
[TestFixture]
public sealed class DockerfileTests
{
    private static string[] Instructions => File.ReadAllLines(Golden.RepoPath("Dockerfile"))
        .Where(l => l.Length > 0 && !l.StartsWith('#') && !char.IsWhiteSpace(l[0])).ToArray();

    [Test]
    public void Build_and_runtime_are_separate_stages()
    {
        var stages = Instructions.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();

        stages.Should().HaveCount(2);
        stages[0].Should().Contain("/dotnet/sdk:");
        stages[1].Should().Contain("/dotnet/aspnet:").And.Contain("chiseled", "the runtime image carries no shell");
    }

    [Test]
    public void Final_user_is_numeric_and_not_root()
    {
        var user = Instructions.Last(l => l.StartsWith("USER ", StringComparison.Ordinal))["USER ".Length..].Trim();
        var uid = user.Split(':')[0];

        long.TryParse(uid, System.Globalization.CultureInfo.InvariantCulture, out var id).Should().BeTrue($"USER {user} must be numeric for runAsNonRoot");
        id.Should().BePositive();
    }

    [Test]
    public void User_matches_the_chart_run_as_user()
    {
        var user = Instructions.Last(l => l.StartsWith("USER ", StringComparison.Ordinal))["USER ".Length..].Trim().Split(':')[0];

        File.ReadAllText(Golden.RepoPath("charts/airlock/templates/_helpers.tpl")).Should().Contain($"runAsUser: {user}");
    }

    [Test]
    public void Entrypoint_is_exec_form_without_a_shell()
    {
        var entrypoint = Instructions.Single(l => l.StartsWith("ENTRYPOINT ", StringComparison.Ordinal));

        entrypoint.Should().Be("ENTRYPOINT [\"/app/airlock\"]");
        Instructions.Should().NotContain(l => l.StartsWith("SHELL ", StringComparison.Ordinal));
    }

    [TestCase("**/bin/")]
    [TestCase("**/obj/")]
    [TestCase(".git/")]
    [TestCase(".tools/")]
    [TestCase("tests/")]
    public void Dockerignore_keeps_build_output_and_tools_out_of_the_context(string pattern)
    {
        File.ReadAllLines(Golden.RepoPath(".dockerignore")).Should().Contain(pattern);
    }
}
