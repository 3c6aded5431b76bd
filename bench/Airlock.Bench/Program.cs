using System.CommandLine;
using Airlock.Bench.Commands;

var root = new RootCommand("Airlock benchmarks (`make bench`) and the chaos scenario (`make chaos`) against the local control plane.");
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(ChaosCommand.Create());
root.Subcommands.Add(GatewayHostCommand.Create());
return await root.Parse(args).InvokeAsync();
