using System.CommandLine;
using Airlock.Cli.Commands;

var root = new RootCommand("airlock: run autonomous AI agents on Kubernetes as if each one were already compromised.");
root.Subcommands.Add(DevCommand.Create());
root.Subcommands.Add(OperatorCommand.Create());
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(RenderCommand.Create());
root.Subcommands.Add(ValidateCommand.Create());
root.Subcommands.Add(EgressCommand.Create());
root.Subcommands.Add(ExplainEgressCommand.Create());
root.Subcommands.Add(DebugCommand.Create());
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(ApproveCommand.Create());
root.Subcommands.Add(RejectCommand.Create());
root.Subcommands.Add(QuarantineCommand.Create());
return await root.Parse(args).InvokeAsync();
