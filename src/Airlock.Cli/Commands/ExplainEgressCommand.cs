using System.CommandLine;
using Airlock.Api.Tasks;
using Airlock.Egress.Explain;
using Airlock.Operator.Egress;
using Airlock.Operator.Manifests;
using Airlock.Operator.Policies;

namespace Airlock.Cli.Commands;

/// <summary>`airlock explain-egress -f task.yaml [--probe HOST:PORT]…`: what the sandbox can reach, offline.</summary>
internal static class ExplainEgressCommand
{
    public static Command Create()
    {
        var file = new Option<string?>("--filename", "-f") { Description = "AgentTask manifest (\"-\" reads standard input)." };
        var probes = new Option<string[]>("--probe") { Description = "HOST:PORT to give a verdict for (repeatable).", AllowMultipleArgumentsPerToken = false };
        var cilium = new Option<bool>("--cilium") { Description = "The cluster runs the Cilium layer (operator --cilium-policies): show what its policies add." };
        var command = new Command("explain-egress", "Explain what a task's sandbox can reach, which layer enforces it, and what is always denied.") { file, probes, cilium };
        command.SetAction(parseResult => Run(parseResult.GetValue(file), parseResult.GetValue(probes) ?? [], parseResult.GetValue(cilium) ? CiliumSettings.Default : null));
        return command;
    }

    private static int Run(string? file, string[] probes, CiliumSettings? cilium)
    {
        if (file is null) return ValidateOutput.Usage("explain-egress: give the task file with -f");
        try
        {
            var documents = ManifestReader.ReadDocuments(ValidateOutput.ReadFile(file));
            if (documents.Count == 0 || documents.Any(d => AirlockManifests.KindOf(d) != AgentTask.KubeKind))
                return ValidateOutput.Usage($"explain-egress: {file}: expected AgentTask documents only");
            var invalid = false;
            foreach (var document in documents)
            {
                // Invalid entries are left out of the table (the proxy drops them too); say so, and exit 1.
                foreach (var problem in AirlockManifests.Validate(document, BuiltinPolicy.Effective, DateTime.UtcNow))
                {
                    Console.Error.WriteLine($"{file}: AgentTask/{AirlockManifests.NameOf(document)}: {problem}");
                    invalid = true;
                }
                Console.Write(EgressExplainer.Explain(AirlockManifests.ToTask(document), probes, DateTime.UtcNow, cilium: cilium));
            }
            return invalid ? 1 : 0;
        }
        catch (Exception e) when (e is ManifestException or IOException or UnauthorizedAccessException)
        {
            return ValidateOutput.Usage($"explain-egress: {e.Message}");
        }
    }
}
