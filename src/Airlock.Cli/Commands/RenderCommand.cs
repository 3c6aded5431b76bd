using System.CommandLine;

namespace Airlock.Cli.Commands;

/// <summary>`airlock render`.</summary>
internal static class RenderCommand
{
    public static Command Create()
    {
        var command = new Command("render", "Print the objects the operator would create for a task, offline.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("airlock render: not implemented yet");
            return 2;
        });
        return command;
    }
}
