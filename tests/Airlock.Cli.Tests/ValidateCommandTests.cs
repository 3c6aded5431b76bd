namespace Airlock.Cli.Tests;

/// <summary><c>airlock validate</c>: 0 when valid, 1 with the problems, 2 on usage errors.</summary>
[TestFixture]
public sealed class ValidateCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Test]
    public async Task Valid_sample_task_exits_0()
    {
        var (code, stdout, stderr) = await AirlockCli.RunAsync(Timeout, "validate", "-f", "config/samples/hello-task.yaml");

        code.Should().Be(0, stdout + stderr);
    }

    [Test]
    public async Task Task_with_a_forbidden_runtime_class_exits_1_naming_the_field()
    {
        var file = AirlockCli.WriteTemp("""
            apiVersion: agents.airlock.dev/v1alpha1
            kind: AgentTask
            metadata: {name: bad, namespace: default}
            spec:
              image: busybox:1.36
              runtimeClassName: runc
            """);

        var (code, stdout, stderr) = await AirlockCli.RunAsync(Timeout, "validate", "-f", file);

        code.Should().Be(1, stdout + stderr);
        stdout.Should().Contain("spec.runtimeClassName");
    }

    [Test]
    public async Task Missing_file_argument_exits_2()
    {
        var (code, stdout, stderr) = await AirlockCli.RunAsync(Timeout, "validate");

        code.Should().Be(2, stdout + stderr);
    }

    [Test]
    public async Task Unreadable_file_exits_2()
    {
        var (code, stdout, stderr) = await AirlockCli.RunAsync(Timeout, "validate", "-f", "/nonexistent/task.yaml");

        code.Should().Be(2, stdout + stderr);
    }
}
