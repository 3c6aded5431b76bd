namespace Airlock.Cli.Tests;

/// <summary><c>airlock demo</c> runs its whole tour against an in-process cluster and reports success.</summary>
[TestFixture]
public sealed class DemoCommandTests
{
    [Test]
    public async Task Demo_passes_every_step_and_exits_0()
    {
        var state = Directory.CreateTempSubdirectory("airlock-demo-").FullName;
        try
        {
            var (code, stdout, stderr) = await AirlockCli.RunAsync(TimeSpan.FromSeconds(150), "demo", "--state-dir", state, "--timeout-seconds", "120");

            code.Should().Be(0, stdout + stderr);
            stdout.Should().Contain("demo passed: all 8 steps behaved as expected.");
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }
}
