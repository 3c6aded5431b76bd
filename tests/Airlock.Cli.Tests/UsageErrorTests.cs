namespace Airlock.Cli.Tests;

public sealed class UsageErrorTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [TestCase("validate", "--bogus")]
    [TestCase("audit", "tail", "--nope")]
    [TestCase("scan", "--unknown-flag")]
    [TestCase("no-such-command")]
    public async Task An_unknown_flag_or_command_exits_2_and_points_at_help(params string[] args)
    {
        var (code, _, stderr) = await AirlockCli.RunAsync(Timeout, args);

        code.Should().Be(2);
        stderr.Should().Contain("Unrecognized command or argument").And.Contain("--help' for usage");
    }

    [Test]
    public async Task The_help_line_names_the_subcommand_that_was_called()
    {
        var (_, _, stderr) = await AirlockCli.RunAsync(Timeout, "audit", "tail", "--nope");

        stderr.Should().Contain("Run 'airlock audit tail --help' for usage.");
    }

    [Test]
    public async Task No_arguments_prints_the_command_list_and_exits_2()
    {
        var (code, stdout, _) = await AirlockCli.RunAsync(Timeout, []);

        code.Should().Be(2);
        stdout.Should().Contain("validate").And.Contain("operator").And.Contain("Usage:");
    }
}
