using Microsoft.Extensions.Logging;

namespace Airlock.Operator.Webhooks;

/// <summary>Log messages of the admission webhooks.</summary>
internal static partial class WebhookLog
{
    [LoggerMessage(EventId = 60, Level = LogLevel.Information, Message = "admission {Operation} {SubResource} {Namespace}/{Name} by {User}: allowed={Allowed} {Message}")]
    public static partial void Decided(ILogger logger, string operation, string subResource, string @namespace, string name, string user, bool allowed, string message);

    [LoggerMessage(EventId = 61, Level = LogLevel.Error, Message = "admission for {Namespace}/{Name} failed: {Reason}")]
    public static partial void Failed(ILogger logger, string @namespace, string name, string reason);

    [LoggerMessage(EventId = 62, Level = LogLevel.Warning, Message = "webhook configuration {Name} not found; the caBundle was not patched (install the chart, or use --webhook-cert-dir with cert-manager)")]
    public static partial void ConfigurationMissing(ILogger logger, string name);

    [LoggerMessage(EventId = 63, Level = LogLevel.Warning, Message = "webhook certificate rotation failed: {Reason}")]
    public static partial void RotationFailed(ILogger logger, string reason);
}
