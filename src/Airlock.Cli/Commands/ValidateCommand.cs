using System.CommandLine;
using Airlock.Operator.Manifests;
using Airlock.Operator.Policies;

namespace Airlock.Cli.Commands;

/// <summary>`airlock validate -f FILE… [--policy FILE]`: exit 0 when valid, 1 with every problem, 2 on usage errors.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var files = new Option<string[]>("--filename", "-f") { Description = "Manifest files (AgentTask or ClusterAgentPolicy, multi-document YAML).", AllowMultipleArgumentsPerToken = true };
        var policy = new Option<string?>("--policy") { Description = "ClusterAgentPolicy file to validate against (default: the built-in policy)." };
        var command = new Command("validate", "Check AgentTask manifests offline against the schema and the built-in rules.") { files, policy };
        command.SetAction(parseResult => Run(parseResult.GetValue(files) ?? [], parseResult.GetValue(policy)));
        return command;
    }

    private static int Run(string[] files, string? policyFile)
    {
        if (files.Length == 0) return ValidateOutput.Usage("validate: give at least one file with -f");
        EffectivePolicy policy;
        try
        {
            policy = policyFile is null ? BuiltinPolicy.Effective : AirlockManifests.ReadPolicy(ValidateOutput.ReadFile(policyFile));
        }
        catch (Exception e) when (e is ManifestException or IOException or UnauthorizedAccessException)
        {
            return ValidateOutput.Usage($"validate: --policy {policyFile}: {e.Message}");
        }

        var invalid = false;
        foreach (var file in files)
        {
            try
            {
                var documents = ManifestReader.ReadDocuments(ValidateOutput.ReadFile(file));
                if (documents.Count == 0) return ValidateOutput.Usage($"validate: {file}: holds no manifest");
                foreach (var document in documents)
                {
                    var label = $"{file}: {AirlockManifests.KindOf(document)}/{AirlockManifests.NameOf(document)}";
                    var problems = AirlockManifests.Validate(document, policy, DateTime.UtcNow);
                    if (problems.Count == 0)
                    {
                        Console.WriteLine($"{label}: valid");
                        continue;
                    }
                    invalid = true;
                    foreach (var problem in problems) Console.WriteLine($"{label}: {problem}");
                }
            }
            catch (Exception e) when (e is ManifestException or IOException or UnauthorizedAccessException)
            {
                return ValidateOutput.Usage($"validate: {file}: {e.Message}");
            }
        }
        return invalid ? 1 : 0;
    }
}
