namespace Airlock.Gateway.Guardrails;

/// <summary>
/// The guardrail verdict on one call's prompt: computed before forwarding when a finding can refuse the call, otherwise in
/// the background while the provider answers (only the audit record waits for it).
/// </summary>
public sealed class PromptCheck
{
    public PromptCheck(GuardrailCheck guardrails, string scope, IReadOnlyList<PromptPart> parts, bool beforeForwarding)
    {
        if (beforeForwarding)
        {
            var result = guardrails.CheckPrompt(scope, parts);
            Verdict = result.Verdict;
            Result = Task.FromResult(result);
        }
        else
        {
            Result = Task.Run(() => guardrails.CheckPrompt(scope, parts));
        }
    }

    /// <summary>The verdict when it was computed before forwarding; null while it runs in the background.</summary>
    public GuardrailVerdict? Verdict { get; }

    public Task<(GuardrailVerdict Verdict, string RedactedPrompt)> Result { get; }
}
