using System.Text;
using System.Text.RegularExpressions;
using Airlock.Api.Schema;
using Airlock.Api.Tasks;
using Airlock.Api.Values;
using Airlock.Guardrails;
using Airlock.Operator.Policies;

namespace Airlock.Operator.Validation;

/// <summary>
/// Offline validation of an AgentTask against an effective policy: every problem at once, each with its field path and
/// the fix. The admission webhook and <c>airlock validate</c> call the same code.
/// </summary>
public static partial class AgentTaskValidator
{
    /// <param name="now">Start of the debug window when the task has no creation time yet (it is being created).</param>
    public static IReadOnlyList<FieldProblem> Validate(AgentTask task, EffectivePolicy policy, DateTime now) =>
        Validate(task, policy, now, GuardrailScanner.Default);

    /// <param name="scanner">The guardrails' secret detector, run over the prompt, env values, command and args.</param>
    public static IReadOnlyList<FieldProblem> Validate(AgentTask task, EffectivePolicy policy, DateTime now, IGuardrailScanner scanner)
    {
        var problems = new List<FieldProblem>();
        if (string.IsNullOrEmpty(task.Metadata?.Name)) problems.Add(new("metadata.name", "is required; name the task (a DNS-1123 name such as triage-4211)"));
        var spec = task.Spec;
        if (spec is null)
        {
            problems.Add(new("spec", "is required; give at least spec.image"));
            return problems;
        }
        ValidateImage(spec.Image, policy, problems);
        ValidateRuntime(spec.RuntimeClassName, policy, problems);
        ValidateTiming(spec, policy, problems);
        ValidateResources(spec.Resources, policy, problems);
        ValidateEnv(spec.Env, problems);
        if (spec.Prompt is { } prompt && Encoding.UTF8.GetByteCount(prompt) > AgentTaskSpec.MaxPromptBytes)
        {
            problems.Add(new("spec.prompt", $"is {Encoding.UTF8.GetByteCount(prompt)} bytes, more than 256 KiB; move large inputs into the workspace (fetch them through an egress rule)"));
        }
        SecretValidator.Validate(spec, scanner, problems);
        EgressValidator.Validate(spec.Egress, policy, problems);
        ModelValidator.Validate(spec.Model, policy, problems);
        PermissionValidator.Validate(spec.Permissions, policy, problems);
        EgressValidator.ValidateDebug(spec.Debug, policy, task.Metadata?.CreationTimestamp ?? now, problems);
        return problems;
    }

    private static void ValidateImage(string? image, EffectivePolicy policy, List<FieldProblem> problems)
    {
        const string field = "spec.image";
        if (string.IsNullOrWhiteSpace(image))
        {
            problems.Add(new(field, "is required; give the agent's container image, ideally pinned by digest (name@sha256:<64 hex>)"));
            return;
        }
        if (image.Any(char.IsWhiteSpace)) problems.Add(new(field, $"\"{image}\" contains white space; give a single image reference"));
        if (policy.RequireImageDigest && !Digest().IsMatch(image))
        {
            problems.Add(new(field, $"\"{image}\" is not pinned by digest and the policy requires it; use name@sha256:<64 hex>"));
        }
        foreach (var prefixes in policy.ImagePrefixAllowlists)
        {
            if (!prefixes.Any(p => image.StartsWith(p, StringComparison.Ordinal)))
            {
                problems.Add(new(field, $"\"{image}\" is not under an allowed prefix; use an image from {string.Join(", ", prefixes)}"));
            }
        }
    }

    private static void ValidateRuntime(string? runtime, EffectivePolicy policy, List<FieldProblem> problems)
    {
        var effective = runtime ?? policy.DefaultRuntimeClass;
        if (policy.AllowedRuntimeClasses.Contains(effective, StringComparer.Ordinal)) return;
        var allowed = policy.AllowedRuntimeClasses.Count == 0 ? "none is allowed by the policies that select this namespace" : "use one of " + string.Join(", ", policy.AllowedRuntimeClasses);
        problems.Add(new("spec.runtimeClassName", runtime is null
            ? $"the default runtime class \"{effective}\" is not allowed; {allowed}"
            : $"\"{runtime}\" is not allowed; {allowed}"));
    }

    private static void ValidateTiming(AgentTaskSpec spec, EffectivePolicy policy, List<FieldProblem> problems)
    {
        if (spec.Timeout is { } timeout)
        {
            var max = GoDuration.Format(policy.MaxTimeout);
            if (!GoDuration.TryParse(timeout, out var value))
                problems.Add(new("spec.timeout", $"\"{timeout}\" is not a Go duration; write e.g. 30m or 2h (at most {max})"));
            else if (value < TimeSpan.FromSeconds(1))
                problems.Add(new("spec.timeout", $"\"{timeout}\" is shorter than one second; give the agent time to run (e.g. 30m)"));
            else if (value > policy.MaxTimeout)
                problems.Add(new("spec.timeout", $"{timeout} is longer than the maximum {max}; ask for at most {max}"));
        }
        if (spec.TtlSecondsAfterFinished is < 0)
            problems.Add(new("spec.ttlSecondsAfterFinished", $"{spec.TtlSecondsAfterFinished} is negative; use 0 (delete at once) or more seconds"));
        if (spec.TokenExpirationSeconds is { } token && (token < EffectivePolicy.MinTokenExpirationSeconds || token > policy.MaxTokenExpirationSeconds))
        {
            problems.Add(new("spec.tokenExpirationSeconds", $"{token} is outside {EffectivePolicy.MinTokenExpirationSeconds}..{policy.MaxTokenExpirationSeconds}; pick a lifetime in that range (the kubelet refreshes the token at 80%)"));
        }
    }

    private static void ValidateResources(TaskResources? resources, EffectivePolicy policy, List<FieldProblem> problems)
    {
        if (resources is null) return;
        Check("cpu", resources.Cpu, policy.MaxResources.Cpu);
        Check("memory", resources.Memory, policy.MaxResources.Memory);
        Check("ephemeralStorage", resources.EphemeralStorage, policy.MaxResources.EphemeralStorage);

        void Check(string name, k8s.Models.ResourceQuantity? value, k8s.Models.ResourceQuantity max)
        {
            if (value is null) return;
            var field = "spec.resources." + name;
            decimal amount;
            try
            {
                amount = value.ToDecimal();
            }
            catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
            {
                problems.Add(new(field, $"\"{value}\" is not a quantity; write e.g. 500m, 2 or 4Gi"));
                return;
            }
            if (amount <= 0) problems.Add(new(field, $"{value} is not positive; ask for a positive amount"));
            else if (amount > max.ToDecimal()) problems.Add(new(field, $"{value} is more than the maximum {max}; ask for at most {max}"));
        }
    }

    private static void ValidateEnv(IList<TaskEnvVar>? env, List<FieldProblem> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (env?.Count ?? 0); i++)
        {
            var name = env![i].Name ?? "";
            var field = $"spec.env[{i}].name";
            if (!EnvName().IsMatch(name))
                problems.Add(new(field, $"\"{name}\" is not a valid variable name; use letters, digits, '_', '-' and '.', not starting with a digit"));
            else if (SandboxContract.IsReservedEnvName(name))
                problems.Add(new(field, $"\"{name}\" is reserved by Airlock (proxy settings, OPENAI_BASE_URL, AIRLOCK_*, KUBERNETES_*); choose another name"));
            else if (!seen.Add(name))
                problems.Add(new(field, $"\"{name}\" is set twice; keep one entry"));
        }
    }

    [GeneratedRegex("@sha256:[0-9a-f]{64}$")]
    private static partial Regex Digest();

    [GeneratedRegex(SchemaPatterns.EnvVarName)]
    private static partial Regex EnvName();
}
