using System.Diagnostics;
using Airlock.Gateway.Anomaly;
using Airlock.Gateway.Auditing;
using Airlock.Gateway.Guardrails;
using Airlock.Gateway.Metrics;
using Airlock.Gateway.Providers;
using Airlock.Gateway.Tasks;
using Airlock.Gateway.Usage;
using Airlock.Stores.Audit;
using Airlock.Stores.Limits;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Airlock.Gateway.Serving;

/// <summary>
/// One model call end to end: who is calling, may it use this model, guardrails, ceilings, forward with the provider key,
/// relay the answer, then count usage, audit and watch for anomalies. Every refusal after the caller is known is audited too.
/// </summary>
public sealed partial class ModelCallHandler(
    CallerAuthenticator authenticator,
    ProviderRegistry providers,
    ILimitStore limits,
    GuardrailCheck guardrails,
    IAuditLog audit,
    TaskUsageRecorder usage,
    AnomalyDetector anomalies,
    GatewayMetrics metrics,
    UpstreamClient upstream,
    ILogger logger)
{
    public async Task HandleAsync(HttpContext context, ModelRoute route)
    {
        var started = Stopwatch.GetTimestamp();
        var flavor = ModelRoutes.Flavor(route);
        var routeName = ModelRoutes.Name(route);
        var (task, authError) = await authenticator.AuthenticateAsync(context).ConfigureAwait(false);
        if (task is null)
        {
            await RefuseAsync(context, flavor, routeName, null, authError!).ConfigureAwait(false);
            return;
        }
        var facts = new ModelCallFacts { Namespace = task.Namespace, Task = task.Name, Pod = task.Pod, Route = routeName, Provider = task.Model.Provider };
        var provider = providers.Find(task.Model.Provider);
        if (provider is null)
        {
            await RefuseAuditedAsync(context, flavor, facts, GatewayError.Forbidden("provider_not_configured", $"provider \"{task.Model.Provider}\" is not configured in the gateway"), started).ConfigureAwait(false);
            return;
        }
        if (provider.Type != ModelRoutes.ProviderType(route))
        {
            var use = provider.Type == ProviderType.Anthropic ? "/v1/messages" : "/v1/chat/completions";
            await RefuseAuditedAsync(context, flavor, facts, GatewayError.BadRequest("wrong_api", $"provider \"{provider.Name}\" speaks {provider.Type}; call {use}"), started).ConfigureAwait(false);
            return;
        }

        var body = await RequestBody.ReadAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            await RefuseAuditedAsync(context, flavor, facts, new GatewayError(413, "request_too_large", "the request body is too large"), started).ConfigureAwait(false);
            return;
        }
        var request = ModelRequestReader.Read(route, body.Value);
        if (request is null || request.Model is null)
        {
            await RefuseAuditedAsync(context, flavor, facts, GatewayError.BadRequest("invalid_request", "the body must be a JSON object naming a model"), started).ConfigureAwait(false);
            return;
        }
        facts = facts with { Model = request.Model, Stream = request.Stream };
        if (!task.AllowsModel(request.Model))
        {
            await RefuseAuditedAsync(context, flavor, facts, GatewayError.Forbidden("model_not_allowed", $"model \"{request.Model}\" is not in the task's allowedModels"), started).ConfigureAwait(false);
            return;
        }

        var (verdict, redactedPrompt) = guardrails.CheckPrompt(request.Prompt, request.Untrusted);
        facts = facts with { Prompt = redactedPrompt, Guardrails = verdict };
        CountGuardrails(task, verdict);
        if (verdict.Blocked)
        {
            var what = verdict.Injection ? "prompt injection in content the agent did not author" : "a secret in the prompt";
            await RefuseAuditedAsync(context, flavor, facts, GatewayError.Forbidden("guardrail_blocked", $"blocked by the gateway's guardrails: {what}"), started).ConfigureAwait(false);
            return;
        }
        if (provider.Key.Current is not { } key)
        {
            await RefuseAuditedAsync(context, flavor, facts, new GatewayError(503, "provider_key_unavailable", $"the key of provider \"{provider.Name}\" cannot be read"), started).ConfigureAwait(false);
            return;
        }

        var ceilings = new LimitCeilings(task.Model.RequestsPerMinute, task.Model.TokensPerMinute, task.Model.MaxTotalTokens);
        var decision = await limits.AcquireAsync(task.LimitKey, ceilings, request.EstimatedTokens, context.RequestAborted).ConfigureAwait(false);
        if (!decision.Allowed)
        {
            await RefuseAuditedAsync(context, flavor, facts, CeilingError(task, decision), started).ConfigureAwait(false);
            return;
        }

        var collector = new CompletionCollector();
        var settled = false;
        async Task SettleAsync()
        {
            // Counters are settled before the caller sees the end of the answer (its next call meets them).
            if (settled) return;
            settled = true;
            await limits.CompleteAsync(task.LimitKey, request.EstimatedTokens, collector.PromptTokens + collector.CompletionTokens, CancellationToken.None).ConfigureAwait(false);
            usage.Record(task.Namespace, task.Name, collector.PromptTokens, collector.CompletionTokens);
            metrics.Tokens.WithLabels(task.Namespace, task.Name, "prompt").Inc(collector.PromptTokens);
            metrics.Tokens.WithLabels(task.Namespace, task.Name, "completion").Inc(collector.CompletionTokens);
            anomalies.ObserveCall(task.Namespace, task.Name, collector.PromptTokens + collector.CompletionTokens);
        }

        var status = 0;
        try
        {
            status = await upstream.ForwardAsync(context, provider, key, route, request, collector, SettleAsync).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            status = 499;
        }
        finally
        {
            await SettleAsync().ConfigureAwait(false);
        }
        if (status == 0) status = context.Response.StatusCode;

        var (completion, completionSecrets) = guardrails.RedactCompletion(collector.Completion);
        var toolCalls = collector.ToolCalls.Select(t => (t.Name, guardrails.RedactCompletion(t.Arguments).Redacted)).ToList();
        if (completionSecrets.Count > 0)
        {
            metrics.GuardrailHits.WithLabels("secret", "flag").Inc();
            anomalies.ObserveGuardrailHit(task.Namespace, task.Name, "secret in the completion");
        }
        facts = facts with
        {
            Status = status,
            PromptTokens = collector.PromptTokens,
            CompletionTokens = collector.CompletionTokens,
            Completion = completion,
            ToolCalls = toolCalls,
            Guardrails = verdict with { CompletionSecrets = completionSecrets },
            LatencyMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds,
        };
        metrics.Requests.WithLabels(routeName, provider.Name, StatusLabel(status)).Inc();
        metrics.Duration.WithLabels(routeName).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        // The record is durable before the response completes: a gateway that dies here leaves the caller with an unfinished
        // answer, never with an answered call that the audit log does not know about.
        await AuditAsync(facts).ConfigureAwait(false);
        await CompleteResponseAsync(context).ConfigureAwait(false);
    }

    private static async Task CompleteResponseAsync(HttpContext context)
    {
        try
        {
            await context.Response.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException)
        {
            // The caller went away; the call is still audited.
        }
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

    private void CountGuardrails(CallerTask task, GuardrailVerdict verdict)
    {
        if (verdict.Injection) metrics.GuardrailHits.WithLabels("injection", verdict.Blocked ? "block" : "flag").Inc();
        if (verdict.PromptSecrets.Count > 0) metrics.GuardrailHits.WithLabels("secret", verdict.Blocked ? "block" : "flag").Inc();
        if (verdict.Injection || verdict.PromptSecrets.Count > 0)
        {
            anomalies.ObserveGuardrailHit(task.Namespace, task.Name, verdict.Injection ? "prompt injection" : "secret in the prompt");
        }
    }

    private async Task RefuseAuditedAsync(HttpContext context, ApiFlavor flavor, ModelCallFacts facts, GatewayError error, long started)
    {
        await RefuseAsync(context, flavor, facts.Route, facts.Provider, error).ConfigureAwait(false);
        await AuditAsync(facts with { Status = error.Status, Refusal = error.Code, LatencyMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds }).ConfigureAwait(false);
    }

    private async Task RefuseAsync(HttpContext context, ApiFlavor flavor, string route, string? provider, GatewayError error)
    {
        metrics.Refusals.WithLabels(error.Code).Inc();
        metrics.Requests.WithLabels(route, provider ?? "", StatusLabel(error.Status)).Inc();
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
    }
}
