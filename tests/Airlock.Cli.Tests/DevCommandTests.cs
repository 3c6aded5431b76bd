using System.Diagnostics;
using System.Text.Json.Nodes;
using Airlock.Testing;

namespace Airlock.Cli.Tests;

/// <summary>
/// <c>airlock dev</c> as the README tells a newcomer to use it: a separate process, the real kubectl, a sample task that runs
/// to completion, then Ctrl+C.
/// </summary>
[TestFixture]
public sealed class DevCommandTests
{
    [Test]
    public async Task Dev_serves_kubectl_runs_a_sample_task_to_success_and_stops_cleanly_on_sigterm()
    {
        var binary = TestPaths.AirlockBinary;
        if (!File.Exists(binary)) Assert.Ignore($"{binary} is not built (make build, or set AIRLOCK_BIN)");
        var state = Directory.CreateTempSubdirectory("airlock-dev-").FullName;
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "dev", "--state-dir", state }) start.ArgumentList.Add(a);
        using var dev = Process.Start(start)!;
        var stdout = dev.StandardOutput.ReadToEndAsync();
        var stderr = dev.StandardError.ReadToEndAsync();
        try
        {
            var endpointsPath = Path.Combine(state, "endpoints.json");
            await Eventually.UntilAsync(() => Task.FromResult(File.Exists(endpointsPath) || dev.HasExited), "endpoints.json", TimeSpan.FromSeconds(60));
            if (dev.HasExited) Assert.Fail($"airlock dev exited with {dev.ExitCode}: {await stderr}");
            var endpoints = JsonNode.Parse(await File.ReadAllTextAsync(endpointsPath))!;
            endpoints["apiServer"]!.GetValue<string>().Should().StartWith("https://127.0.0.1:");
            endpoints["gateway"]!.GetValue<string>().Should().StartWith("http://127.0.0.1:");
            endpoints["egressProxy"]!.GetValue<string>().Should().StartWith("http://127.0.0.1:");

            var kubectl = new Kubectl(Path.Combine(state, "kubeconfig"), [], Path.Combine(state, "kubectl-cache"));
            var explain = (await kubectl.RunAsync("explain", "agenttask.spec.egress")).EnsureSuccess();
            explain.Stdout.Should().Contain("KIND:").And.Contain("AgentTask").And.Contain("FIELD: egress");
            (await kubectl.RunAsync("apply", "-f", Path.Combine(TestPaths.RepositoryRoot, "config", "samples", "hello-task.yaml"))).EnsureSuccess();
            await Eventually.UntilAsync(
                async () => (await kubectl.RunAsync("get", "agenttask", "hello", "-o", "jsonpath={.status.phase}")).Stdout == "Succeeded",
                "the sample task to succeed", TimeSpan.FromSeconds(60));
            var table = (await kubectl.RunAsync("get", "agenttasks")).EnsureSuccess();
            table.Stdout.Should().MatchRegex(@"NAME\s+PHASE\s+RUNTIME\s+AGE\s+REASON").And.Contain("Succeeded");
        }
        finally
        {
            if (!dev.HasExited) Process.Start("kill", ["-TERM", dev.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await dev.WaitForExitAsync(deadline.Token);
            Directory.Delete(state, recursive: true);
        }
        dev.ExitCode.Should().Be(0, await stdout + await stderr);
        (await stdout).Should().Contain("airlock dev: stopping");
    }
}
