using Airlock.Api.Tasks;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Airlock.Operator.Reconciliation;

/// <summary>
/// Writes core/v1 Events about tasks, from component <c>airlock-operator</c>. Failures are logged and swallowed: an
/// event is a courtesy to humans, never a reason to fail a reconcile.
/// </summary>
public sealed partial class KubernetesTaskEventRecorder : ITaskEventRecorder
{
    private readonly IKubernetes _client;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public KubernetesTaskEventRecorder(IKubernetes client, TimeProvider? time = null, ILogger? logger = null)
    {
        _client = client;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    public Task NormalAsync(AgentTask task, string reason, string message, CancellationToken cancellationToken) =>
        RecordAsync(task, "Normal", reason, message, cancellationToken);

    public Task WarningAsync(AgentTask task, string reason, string message, CancellationToken cancellationToken) =>
        RecordAsync(task, "Warning", reason, message, cancellationToken);

    private async Task RecordAsync(AgentTask task, string type, string reason, string message, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var ns = task.Metadata.NamespaceProperty;
        var ev = new Corev1Event
        {
            Metadata = new V1ObjectMeta { Name = $"{task.Metadata.Name}.{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8))}", NamespaceProperty = ns },
            InvolvedObject = new V1ObjectReference
            {
                ApiVersion = AgentTask.KubeApiVersion,
                Kind = AgentTask.KubeKind,
                Name = task.Metadata.Name,
                NamespaceProperty = ns,
                Uid = task.Metadata.Uid,
                ResourceVersion = task.Metadata.ResourceVersion,
            },
            Type = type,
            Reason = reason,
            Message = message,
            Source = new V1EventSource { Component = OperatorInfo.FieldManager },
            ReportingComponent = OperatorInfo.FieldManager,
            ReportingInstance = Environment.MachineName,
            FirstTimestamp = now,
            LastTimestamp = now,
            Count = 1,
        };
        try
        {
            await _client.CoreV1.CreateNamespacedEventAsync(ev, ns, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.EventFailed(_logger, ns ?? "", task.Metadata.Name, reason, e);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "Could not record event {Reason} on {Namespace}/{Name}")]
        public static partial void EventFailed(ILogger logger, string @namespace, string name, string reason, Exception exception);
    }
}
