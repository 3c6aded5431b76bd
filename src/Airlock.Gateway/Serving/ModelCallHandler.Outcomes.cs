using System.Diagnostics;
using Airlock.Gateway.Auditing;
using Airlock.Gateway.Guardrails;
using Airlock.Gateway.Tasks;
using Airlock.Stores.Limits;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Airlock.Gateway.Serving;

/// <summary>What a call leaves behind: its audit record (prompt verdict, redacted completion), metrics, refusals.</summary>
public sealed partial class ModelCallHandler
{
    /// <summary>The facts with the prompt's verdict and redacted text, counted once in metrics and anomaly signals.</summary>
    private async Task<ModelCallFacts> WithPromptAsync(ModelCallFacts facts, PromptCheck check, string @namespace, string task)
    {
        GuardrailVerdict verdict;
        string prompt;
        try
        {
            (verdict, prompt) = await check.ResultAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The scan itself failed: the record says so rather than keeping a prompt nobody checked for secrets.
            Log.ScanFailed(logger, @namespace, task, e);
            (verdict, prompt) = (GuardrailVerdict.None with { Reasons = ["guardrail scan failed"] }, "[not kept: the guardrail scan failed]");
        }
        if (verdict.Injection) metrics.GuardrailFindings.WithLabels("injection", verdict.Blocked ? "block" : "flag").Inc();
        if (verdict.PromptSecrets.Count > 0) metrics.GuardrailFindings.WithLabels("secret", verdict.Blocked ? "block" : "flag").Inc();
        if (verdict.Injection || verdict.PromptSecrets.Count > 0)
        {
            anomalies.ObserveGuardrailHit(@namespace, task, verdict.Injection ? "prompt injection" : "secret in the prompt");
        }
        return facts with { Prompt = prompt, Guardrails = verdict };
    }

    /// <summary>
    /// The facts with the model's output. When the caller got it redacted (<paramref name="redacted"/> holds what was cut),
    /// the collector saw the redacted output already; otherwise it is redacted here, for the audit log only.
    /// </summary>
    private ModelCallFacts WithCompletion(ModelCallFacts facts, CompletionCollector collector, IReadOnlyList<string>? redacted, string @namespace, string task)
    {
        string completion;
        IReadOnlyList<(string Name, string Arguments)> toolCalls;
        IReadOnlyList<string> secrets;
        if (redacted is not null)
        {
            (completion, toolCalls, secrets) = (collector.Completion, collector.ToolCalls, redacted);
        }
        else
        {
            (completion, var found) = guardrails.RedactCompletion(collector.Completion);
            var types = new List<string>(found);
            var calls = new List<(string, string)>();
            foreach (var (name, arguments) in collector.ToolCalls)
            {
                var (clean, inArguments) = guardrails.RedactCompletion(arguments);
                calls.Add((name, clean));
                foreach (var type in inArguments)
                {
                    if (!types.Contains(type)) types.Add(type);
                }
            }
            (toolCalls, secrets) = (calls, types);
        }
        if (secrets.Count > 0)
        {
            metrics.GuardrailFindings.WithLabels("secret", redacted is not null ? "redact" : "flag").Inc();
            anomalies.ObserveGuardrailHit(@namespace, task, "secret in the completion");
        }
        return facts with
        {
            PromptTokens = collector.PromptTokens,
            CompletionTokens = collector.CompletionTokens,
            Completion = completion,
            ToolCalls = toolCalls,
            Guardrails = facts.Guardrails with { CompletionSecrets = secrets },
        };
    }

    private GatewayError CeilingError(CallerTask task, LimitDecision decision)
    {
        switch (decision.Verdict)
        {
            case LimitVerdict.BudgetExhausted:
                anomalies.ObserveBudgetExhausted(task.Namespace, task.Name, task.Model.MaxTotalTokens ?? 0);
                return GatewayError.Forbidden("budget_exhausted", $"the task's token budget ({task.Model.MaxTotalTokens}) is spent");
            case LimitVerdict.RequestsPerMinute:
                return new GatewayError(429, "rate_limit_exceeded", $"requestsPerMinute ({task.Model.RequestsPerMinute}) reached", decision.RetryAfter);
            case LimitVerdict.TokensPerMinute:
                return new GatewayError(429, "rate_limit_exceeded", $"tokensPerMinute ({task.Model.TokensPerMinute}) reached", decision.RetryAfter);
            default:
                return new GatewayError(429, "rate_limit_exceeded", "the token budget is nearly spent and other calls are in flight", decision.RetryAfter);
        }
    }

    /// <summary>Audits a refusal, then sends it (an answered refusal is an acknowledged call too).</summary>
    private async Task RefuseAuditedAsync(HttpContext context, ApiFlavor flavor, ModelCallFacts facts, GatewayError error, long started)
    {
        await AuditAsync(facts with { Status = error.Status, Refusal = error.Code, LatencyMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds }).ConfigureAwait(false);
        await RefuseAsync(context, flavor, facts.Route, facts.Namespace, facts.Provider, facts.Model, error).ConfigureAwait(false);
    }

    private async Task RefuseAsync(HttpContext context, ApiFlavor flavor, string route, string? @namespace, string? provider, string? model, GatewayError error)
    {
        metrics.Refusals.WithLabels(@namespace ?? "", error.Code).Inc();
        metrics.Requests.WithLabels(route, provider ?? "", model ?? "", StatusLabel(error.Status)).Inc();
        await ErrorResponses.WriteAsync(context, flavor, error).ConfigureAwait(false);
    }

    private async Task AuditAsync(ModelCallFacts facts)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await audit.AppendAsync(ModelCallAudit.ToEntry(facts), CancellationToken.None).ConfigureAwait(false);
            metrics.AuditAppendDuration.Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        catch (Exception e)
        {
            metrics.AuditFailures.Inc();
            Log.AuditFailed(logger, facts.Namespace, facts.Task, e);
        }
    }

    private static string StatusLabel(int status) => status switch
    {
        200 => "200",
        400 => "400",
        401 => "401",
        403 => "403",
        429 => "429",
        _ => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "audit record of a model call by {Namespace}/{Task} could not be written")]
        public static partial void AuditFailed(ILogger logger, string @namespace, string task, Exception exception);

        [LoggerMessage(Level = LogLevel.Error, Message = "guardrail scan of a model call by {Namespace}/{Task} failed")]
        public static partial void ScanFailed(ILogger logger, string @namespace, string task, Exception exception);
    }
}
