namespace Airlock.Cli.Tests;

/// <summary><c>airlock render</c>: the objects the operator would create, offline.</summary>
[TestFixture]
public sealed class RenderCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Test]
    public async Task Sample_task_renders_its_sandbox_and_exits_0()
    {
        var (code, stdout, stderr) = await AirlockCli.RunAsync(Timeout, "render", "-f", "config/samples/hello-task.yaml");

        code.Should().Be(0, stderr);
        foreach (var kind in new[] { "kind: ServiceAccount", "kind: ConfigMap", "kind: NetworkPolicy", "kind: Pod" }) stdout.Should().Contain(kind);
        stdout.Should().Contain("audience: airlock-gateway");
    }

    [Test]
    public async Task Missing_file_argument_exits_2()
    {
        var (code, stdout, stderr) = await AirlockCli.RunAsync(Timeout, "render");

        code.Should().Be(2, stdout + stderr);
    }
}
