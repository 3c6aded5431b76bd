using System.CommandLine;

namespace Airlock.Bench.Commands;

/// <summary><c>airlock-bench chaos</c>: the bounded chaos scenario; exits non-zero when an invariant fails.</summary>
internal static class ChaosCommand
{
    public static Command Create()
    {
        var command = new Command("chaos", "Run the chaos scenario and print chaos.* figures.");
        command.SetAction((_, _) => Task.FromResult(2));
        return command;
    }
}
