using System.CommandLine;

namespace Airlock.Cli.Commands;

/// <summary>
/// `airlock demo`: the local cluster with the operator in-process, the sample applied with the real kubectl, and a
/// narrated tour of what Airlock built. Exits 0 when every step behaved as expected, 1 naming the step that did not.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var stateDir = new Option<string>("--state-dir") { Description = "Where to write the demo's kubeconfig and sample.", Required = true };
        var timeout = new Option<int>("--timeout-seconds") { Description = "Give up after this long.", DefaultValueFactory = _ => 120 };
        var command = new Command("demo", "A narrated tour on the local control plane: a task, its hardened sandbox, its identity, its life and its cleanup.");
        command.Options.Add(stateDir);
        command.Options.Add(timeout);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bounded.CancelAfter(TimeSpan.FromSeconds(parse.GetValue(timeout)));
            await using var run = new DemoRun(Path.GetFullPath(parse.GetValue(stateDir)!), Console.Out);
            return await run.RunAsync(bounded.Token);
        });
        return command;
    }
}
