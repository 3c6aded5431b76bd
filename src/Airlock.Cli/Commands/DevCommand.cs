using System.CommandLine;

namespace Airlock.Cli.Commands;

/// <summary>`airlock dev`.</summary>
internal static class DevCommand
{
    public static Command Create()
    {
        var command = new Command("dev", "Run the local control plane (an in-memory Kubernetes API server) and Airlock on 127.0.0.1.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("airlock dev: not implemented yet");
            return 2;
        });
        return command;
    }
}
