using System.Text.Json.Nodes;
using Airlock.Stores.Audit;
using Microsoft.Extensions.Logging;

namespace Airlock.Egress.Accounting;

/// <summary>Where every finished attempt goes: the audit log, the metrics, the task's usage counters and the anomaly detector.</summary>
public sealed partial class EgressAccounting(
    IAuditLog audit, EgressMetrics metrics, UsageBatcher usage, DenialAnomalyDetector anomalies, IEgressAnomalySink anomalySink, ILogger logger)
{
    public EgressMetrics Metrics { get; } = metrics;

    public async Task RecordAsync(EgressAttempt attempt, CancellationToken cancellationToken)
    {
        Metrics.Record(attempt);
        if (attempt.Kind == "egress.attempt" && attempt.Task.Length > 0 && attempt.Verdict != EgressAttempt.ErrorVerdict)
        {
            usage.Record(attempt.Namespace, attempt.Task, attempt.IsDenied);
            if (attempt.IsDenied && anomalies.RecordDenial(attempt.Namespace + "/" + attempt.Task))
            {
                Metrics.AnomalyRaised();
                LogAnomaly(logger, attempt.Namespace, attempt.Task, anomalies.Threshold);
                anomalySink.Report(new EgressAnomaly(attempt.Namespace, attempt.Task, anomalies.Threshold, anomalies.Window, attempt.Host, attempt.Port, attempt.Reason));
            }
        }
        try
        {
            await audit.AppendAsync(ToEntry(attempt), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogAuditFailed(logger, attempt.Namespace, attempt.Task, e);
        }
    }

    public static AuditEntry ToEntry(EgressAttempt attempt)
    {
        var data = new JsonObject
        {
            ["source"] = attempt.Source,
            ["method"] = attempt.Method,
            ["host"] = attempt.Host,
            ["port"] = attempt.Port,
            ["verdict"] = attempt.Verdict,
            ["reason"] = attempt.Reason,
            ["bytesUp"] = attempt.BytesUp,
            ["bytesDown"] = attempt.BytesDown,
            ["durationMs"] = Math.Round(attempt.Duration.TotalMilliseconds, 3),
        };
        if (attempt.Address is not null) data["address"] = attempt.Address;
        if (attempt.User is not null) data["user"] = attempt.User;
        return new AuditEntry(attempt.Kind, attempt.Namespace, attempt.Task, attempt.Pod, data);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Repeated egress denials for {Namespace}/{Name} ({Count} in the window)")]
    private static partial void LogAnomaly(ILogger logger, string @namespace, string name, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not append the egress audit record of {Namespace}/{Name}")]
    private static partial void LogAuditFailed(ILogger logger, string @namespace, string name, Exception exception);
}
