using System.CommandLine;
using Airlock.Api.Serialization;
using Airlock.Api.Tasks;
using Airlock.Operator.Manifests;
using Airlock.Operator.Policies;
using Airlock.Operator.Sandbox;

namespace Airlock.Cli.Commands;

/// <summary>`airlock render -f task.yaml [--policy FILE]`: the children the operator would create, as multi-document YAML.</summary>
internal static class RenderCommand
{
    public static Command Create()
    {
        var file = new Option<string?>("--filename", "-f") { Description = "AgentTask manifest (multi-document YAML allowed; \"-\" reads standard input)." };
        var policy = new Option<string?>("--policy") { Description = "ClusterAgentPolicy file (default: the built-in policy)." };
        var command = new Command("render", "Print the objects the operator would create for a task, offline.") { file, policy };
        command.SetAction(parseResult => Run(parseResult.GetValue(file), parseResult.GetValue(policy)));
        return command;
    }

    private static int Run(string? file, string? policyFile)
    {
        if (file is null) return ValidateOutput.Usage("render: give the task file with -f");
        try
        {
            var policy = policyFile is null ? BuiltinPolicy.Effective : AirlockManifests.ReadPolicy(ValidateOutput.ReadFile(policyFile));
            var documents = ManifestReader.ReadDocuments(ValidateOutput.ReadFile(file));
            if (documents.Count == 0 || documents.Any(d => AirlockManifests.KindOf(d) != AgentTask.KubeKind))
                return ValidateOutput.Usage($"render: {file}: expected AgentTask documents only");

            var output = new List<object>();
            var invalid = false;
            foreach (var document in documents)
            {
                var problems = AirlockManifests.Validate(document, policy, DateTime.UtcNow);
                foreach (var problem in problems) Console.Error.WriteLine($"{file}: AgentTask/{AirlockManifests.NameOf(document)}: {problem}");
                invalid |= problems.Count > 0;
                if (problems.Count == 0) output.AddRange(AgentTaskSandbox.Build(AirlockManifests.ToTask(document), policy, SandboxSettings.Default).All);
            }
            if (invalid) return 1;
            Console.Write(ManifestYaml.SerializeAll(output));
            return 0;
        }
        catch (Exception e) when (e is ManifestException or IOException or UnauthorizedAccessException)
        {
            return ValidateOutput.Usage($"render: {e.Message}");
        }
    }
}
