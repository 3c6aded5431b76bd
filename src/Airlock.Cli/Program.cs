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
return await root.Parse(args).InvokeAsync();
