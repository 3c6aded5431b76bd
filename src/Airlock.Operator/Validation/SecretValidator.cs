using Airlock.Api.Tasks;
using Airlock.Guardrails;

namespace Airlock.Operator.Validation;

/// <summary>
/// Refuses credentials written into a task (prompt, env values, command and args) with the guardrails' secret detector:
/// they would sit in the API server, the prompt ConfigMap and the agent's reach. Messages name the field and the kind of
/// secret and its position, never the secret itself.
/// </summary>
public static class SecretValidator
{
    public static void Validate(AgentTaskSpec spec, IGuardrailScanner scanner, List<FieldProblem> problems)
    {
        if (spec.Prompt is { Length: > 0 } prompt) Check("spec.prompt", prompt);
        for (var i = 0; i < (spec.Env?.Count ?? 0); i++)
        {
            if (spec.Env![i].Value is { Length: > 0 } value) Check($"spec.env[{i}].value", value);
        }
        for (var i = 0; i < (spec.Command?.Count ?? 0); i++) Check($"spec.command[{i}]", spec.Command![i] ?? "");
        for (var i = 0; i < (spec.Args?.Count ?? 0); i++) Check($"spec.args[{i}]", spec.Args![i] ?? "");

        void Check(string field, string text)
        {
            if (text.Length == 0) return;
            foreach (var finding in scanner.Scan(text).Secrets.GroupBy(s => s.Type).Select(g => g.First()))
            {
                problems.Add(new(field, $"contains what looks like a {finding.Type} secret (at character {finding.Start}); remove it: credentials never go into a task (the gateway holds provider keys)"));
            }
        }
    }
}
