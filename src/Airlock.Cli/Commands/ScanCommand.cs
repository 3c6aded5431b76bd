using System.CommandLine;
using Airlock.Guardrails.Reporting;

namespace Airlock.Cli.Commands;

/// <summary>`airlock scan [--json]`: secrets and prompt injection in the text on standard input; always exits 0.</summary>
internal static class ScanCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print {\"injection\", \"score\", \"reasons\", \"secrets\", \"redacted\"} as JSON." };
        var command = new Command("scan", "Scan standard input for secrets and prompt injection, as the gateway's guardrails do.") { json };
        command.SetAction(parseResult => ScanReport.Run(Console.In, Console.Out, parseResult.GetValue(json)));
        return command;
    }
}
