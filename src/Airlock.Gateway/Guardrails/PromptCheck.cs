namespace Airlock.Gateway.Guardrails;

/// <summary>
/// The guardrail verdict on one call's prompt, computed when it costs the caller least: before forwarding when a finding can
/// refuse the call; otherwise while the provider answers, either on the calling thread right after the request went out
/// (<see cref="WhileWaiting"/>, no thread hand-off) or, for a stream, on another thread so the first tokens are not held up.
/// </summary>
public sealed class PromptCheck
{
    private static readonly GuardrailVerdict Failed = new(true, 1, ["the guardrail scan failed: refused (fail closed)"], [], [], true);

    private readonly GuardrailCheck _guardrails;
    private readonly string _scope;
    private readonly IReadOnlyList<PromptPart> _parts;
    private Task<(GuardrailVerdict Verdict, string RedactedPrompt)>? _result;

    public PromptCheck(GuardrailCheck guardrails, string scope, IReadOnlyList<PromptPart> parts, PromptCheckTiming timing)
    {
        (_guardrails, _scope, _parts) = (guardrails, scope, parts);
        switch (timing)
        {
            case PromptCheckTiming.BeforeForwarding:
                Run();
                // A scan that failed when a finding could refuse the call refuses it (fail closed).
                Verdict = _result!.IsCompletedSuccessfully ? _result.Result.Verdict : Failed;
                break;
            case PromptCheckTiming.InBackground:
                _result = Task.Run(() => _guardrails.CheckPrompt(_scope, _parts));
                break;
        }
    }

    /// <summary>The verdict when it was computed before forwarding; null otherwise.</summary>
    public GuardrailVerdict? Verdict { get; }

    /// <summary>Runs a deferred check now (call it once the request is on its way upstream); does nothing when it ran already.</summary>
    public void WhileWaiting()
    {
        if (_result is null) Run();
    }

    /// <summary>The verdict and the redacted prompt (a deferred check that has not run yet runs now).</summary>
    public Task<(GuardrailVerdict Verdict, string RedactedPrompt)> ResultAsync()
    {
        if (_result is null) Run();
        return _result!;
    }

    private void Run()
    {
        try
        {
            _result = Task.FromResult(_guardrails.CheckPrompt(_scope, _parts));
        }
        catch (Exception e)
        {
            _result = Task.FromException<(GuardrailVerdict, string)>(e);
        }
    }
}
