using System.CommandLine;

namespace Airlock.Cli.Commands;

/// <summary>`airlock validate`.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var command = new Command("validate", "Check AgentTask manifests offline against the schema and the built-in rules.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("airlock validate: not implemented yet");
            return 2;
        });
        return command;
    }
}
