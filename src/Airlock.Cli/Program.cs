using System.CommandLine;
using Airlock.Cli.Commands;

var root = new RootCommand("airlock: run autonomous AI agents on Kubernetes as if each one were already compromised.");
root.Subcommands.Add(DevCommand.Create());
root.Subcommands.Add(OperatorCommand.Create());
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(RenderCommand.Create());
root.Subcommands.Add(ValidateCommand.Create());
root.Subcommands.Add(GatewayCommand.Create());
root.Subcommands.Add(AuditCommand.Create());
root.Subcommands.Add(EgressCommand.Create());
root.Subcommands.Add(ExplainEgressCommand.Create());
root.Subcommands.Add(DebugCommand.Create());
root.Subcommands.Add(ScanCommand.Create());
root.Subcommands.Add(RedteamCommand.Create());
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(ApproveCommand.Create());
root.Subcommands.Add(RejectCommand.Create());
root.Subcommands.Add(QuarantineCommand.Create());

if (args.Length == 0)
{
    await root.Parse(["--help"]).InvokeAsync();
    return 2;
}
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    // A usage error (unknown flag, missing value, bad number) exits 2, as validate's own usage errors do, so a script
    // can tell "you called me wrong" from "the manifest is wrong" (1).
    foreach (var error in parsed.Errors) Console.Error.WriteLine($"airlock: {error.Message}");
    Console.Error.WriteLine($"Run '{string.Join(' ', CommandPath(parsed.CommandResult))} --help' for usage.");
    return 2;
}
return await parsed.InvokeAsync();

static IEnumerable<string> CommandPath(System.CommandLine.Parsing.CommandResult result)
{
    var names = new Stack<string>();
    for (var r = result; r is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
        names.Push(r.Parent is null ? "airlock" : r.Command.Name);
    return names;
}
