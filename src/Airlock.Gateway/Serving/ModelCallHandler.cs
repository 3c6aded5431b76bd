using System.Diagnostics;
using Airlock.Gateway.Anomaly;
using Airlock.Gateway.Auditing;
using Airlock.Gateway.Guardrails;
using Airlock.Gateway.Metrics;
using Airlock.Gateway.Providers;
using Airlock.Gateway.Usage;
using Airlock.Stores.Audit;
using Airlock.Stores.Limits;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Airlock.Gateway.Serving;

/// <summary>
/// One model call end to end: who is calling, may it use this model, guardrails, ceilings, forward with the provider key,
/// relay the answer (secrets cut out), and, before the caller sees the end of it, count usage, audit and watch for anomalies.
/// Every refusal after the caller is known is audited too. When no guardrail can refuse the call, the prompt is scanned
/// while the provider answers.
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
            await RefuseAsync(context, flavor, routeName, null, null, null, authError!).ConfigureAwait(false);
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

        var timing = guardrails.ScanBeforeForwarding ? PromptCheckTiming.BeforeForwarding
            : request.Stream ? PromptCheckTiming.InBackground : PromptCheckTiming.WhileWaiting;
        var scan = new PromptCheck(guardrails, task.LimitKey, request.Parts, timing);
        if (scan.Verdict is { Blocked: true } verdict)
        {
            var what = verdict.Injection ? "prompt injection in content the agent did not author" : "a secret in the prompt";
            await RefuseAuditedAsync(context, flavor, await WithPromptAsync(facts, scan, task.Namespace, task.Name).ConfigureAwait(false),
                GatewayError.Forbidden("guardrail_blocked", $"blocked by the gateway's guardrails: {what}"), started).ConfigureAwait(false);
            return;
        }
        if (provider.Key.Current is not { } key)
        {
            await RefuseAuditedAsync(context, flavor, await WithPromptAsync(facts, scan, task.Namespace, task.Name).ConfigureAwait(false),
                new GatewayError(503, "provider_key_unavailable", $"the key of provider \"{provider.Name}\" cannot be read"), started).ConfigureAwait(false);
            return;
        }

        var ceilings = new LimitCeilings(task.Model.RequestsPerMinute, task.Model.TokensPerMinute, task.Model.MaxTotalTokens);
        var decision = await limits.AcquireAsync(task.LimitKey, ceilings, request.EstimatedTokens, context.RequestAborted).ConfigureAwait(false);
        if (!decision.Allowed)
        {
            await RefuseAuditedAsync(context, flavor, await WithPromptAsync(facts, scan, task.Namespace, task.Name).ConfigureAwait(false),
                CeilingError(task, decision), started).ConfigureAwait(false);
            return;
        }

        var collector = new CompletionCollector();
        var finished = false;
        async Task FinishAsync(int status, IReadOnlyList<string>? redacted, string? error = null)
        {
            // Runs before the caller sees the end of the answer: its next call meets the counters, and the record is durable.
            if (finished) return;
            finished = true;
            var used = collector.PromptTokens + collector.CompletionTokens;
            await limits.CompleteAsync(task.LimitKey, request.EstimatedTokens, used, CancellationToken.None).ConfigureAwait(false);
            usage.Record(task.Namespace, task.Name, collector.PromptTokens, collector.CompletionTokens);
            metrics.Tokens.WithLabels(task.Namespace, provider.Name, request.Model, "prompt").Inc(collector.PromptTokens);
            metrics.Tokens.WithLabels(task.Namespace, provider.Name, request.Model, "completion").Inc(collector.CompletionTokens);
            anomalies.ObserveCall(task.Namespace, task.Name, used);
            var record = await WithPromptAsync(facts, scan, task.Namespace, task.Name).ConfigureAwait(false);
            record = WithCompletion(record, collector, redacted, task.Namespace, task.Name);
            record = record with { Status = status, Error = error, LatencyMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds };
            metrics.Requests.WithLabels(routeName, provider.Name, request.Model, StatusLabel(status)).Inc();
            metrics.Duration.WithLabels(routeName).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
            await AuditAsync(record).ConfigureAwait(false);
        }

        var engine = guardrails.RedactCompletions ? guardrails.Engine : null;
        try
        {
            await upstream.ForwardAsync(context, provider, key, route, request, collector, engine, scan.WhileWaiting, FinishAsync).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException && context.RequestAborted.IsCancellationRequested)
        {
            // The caller went away mid-answer: still counted and audited (499, nginx's code for it).
            await FinishAsync(499, null).ConfigureAwait(false);
        }
        finally
        {
            await FinishAsync(context.Response.StatusCode, null).ConfigureAwait(false);
        }
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
}
