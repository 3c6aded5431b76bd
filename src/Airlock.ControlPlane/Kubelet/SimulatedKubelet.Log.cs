using Microsoft.Extensions.Logging;

namespace Airlock.ControlPlane.Kubelet;

public sealed partial class SimulatedKubelet
{
    [LoggerMessage(Level = LogLevel.Information, Message = "kubelet: node {Node} registered")]
    private static partial void LogRegistered(ILogger logger, string node);

    [LoggerMessage(Level = LogLevel.Warning, Message = "kubelet: registering node {Node} failed; retrying")]
    private static partial void LogRegistrationFailed(ILogger logger, string node, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "kubelet: node {Node} synced, running pods")]
    private static partial void LogStarted(ILogger logger, string node);

    [LoggerMessage(Level = LogLevel.Debug, Message = "kubelet: pod {Pod} is now {Phase}")]
    private static partial void LogPhase(ILogger logger, string pod, string phase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "kubelet: syncing pod {Pod} failed; retrying")]
    private static partial void LogSyncFailed(ILogger logger, string pod, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "kubelet: recording event {Reason} for pod {Pod} failed: {Error}")]
    private static partial void LogEventFailed(ILogger logger, string reason, string pod, string error);
}
