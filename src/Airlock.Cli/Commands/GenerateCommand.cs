using System.CommandLine;
using Airlock.Api.Schema;

namespace Airlock.Cli.Commands;

/// <summary>`airlock generate crds`: writes the CRDs from the C# types, or with --check says which files are stale.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var command = new Command("generate", "Write generated files (CRDs) from the C# types.");
        command.Subcommands.Add(CreateCrds());
        return command;
    }

    private static Command CreateCrds()
    {
        var outOption = new Option<string>("--out") { Description = "Folder for the CRD files.", Required = true };
        var chartOutOption = new Option<string?>("--chart-out") { Description = "A second folder (the Helm chart's crds/) that gets the same files." };
        var checkOption = new Option<bool>("--check") { Description = "Write nothing; exit 1 naming every stale or missing file." };
        var command = new Command("crds", "Write the AgentTask and ClusterAgentPolicy CustomResourceDefinitions.")
        {
            outOption, chartOutOption, checkOption,
        };
        command.SetAction(parseResult =>
        {
            var folders = new[] { parseResult.GetValue(outOption)!, parseResult.GetValue(chartOutOption) }.OfType<string>().ToList();
            var check = parseResult.GetValue(checkOption);
            var stale = new List<string>();
            foreach (var folder in folders)
            {
                foreach (var crd in AirlockCrds.All)
                {
                    var path = Path.Combine(folder, crd.FileName);
                    var content = CrdGenerator.ToYaml(crd);
                    var current = File.Exists(path) ? File.ReadAllText(path) : null;
                    if (current == content) continue;
                    if (check)
                    {
                        stale.Add(path);
                        Console.Error.WriteLine($"{path}: {(current is null ? "missing" : "stale")}; run `make generate`");
                        continue;
                    }
                    Directory.CreateDirectory(folder);
                    File.WriteAllText(path, content);
                    Console.WriteLine($"wrote {path}");
                }
            }
            return stale.Count == 0 ? 0 : 1;
        });
        return command;
    }
}
