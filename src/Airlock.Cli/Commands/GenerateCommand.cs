using System.CommandLine;

namespace Airlock.Cli.Commands;

/// <summary>`airlock generate`.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var command = new Command("generate", "Write generated files (CRDs) from the C# types.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("airlock generate: not implemented yet");
            return 2;
        });
        return command;
    }
}
