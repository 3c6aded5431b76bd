using Microsoft.Extensions.Logging;

namespace Airlock.Operator.Reconciliation;

public sealed partial class AgentTaskReconciler
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 10, Level = LogLevel.Debug, Message = "{Namespace}/{Name}: {Change} {Kind} {Child}")]
        public static partial void ChildWritten(ILogger logger, string @namespace, string name, string change, string kind, string child);

        [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "{Namespace}/{Name}: {From} -> {To}: {Message}")]
        public static partial void PhaseChanged(ILogger logger, string @namespace, string name, string from, string to, string message);

        [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "{Namespace}/{Name}: deleted {Count} sandbox objects after the TTL")]
        public static partial void CleanedUp(ILogger logger, string @namespace, string name, int count);

        [LoggerMessage(EventId = 13, Level = LogLevel.Information, Message = "{Namespace}/{Name}: stopped the sandbox pod of a task in phase {Phase}")]
        public static partial void SandboxStopped(ILogger logger, string @namespace, string name, string phase);

        [LoggerMessage(EventId = 14, Level = LogLevel.Information, Message = "{Namespace}/{Name}: deleted {Count} sandbox objects and removed the finalizer")]
        public static partial void Finalized(ILogger logger, string @namespace, string name, int count);

        [LoggerMessage(EventId = 15, Level = LogLevel.Information, Message = "{Namespace}/{Name}: the sandbox pod is missing from the cache; read from the API server: {Finding}")]
        public static partial void SandboxChecked(ILogger logger, string @namespace, string name, string finding);

        [LoggerMessage(EventId = 16, Level = LogLevel.Warning, Message = "{Namespace}/{Name}: {Kind} {Child} was changed outside Airlock; patched back to its desired state")]
        public static partial void DriftRepaired(ILogger logger, string @namespace, string name, string kind, string child);

        [LoggerMessage(EventId = 17, Level = LogLevel.Error, Message = "{Namespace}/{Name}: {Kind} {Child} as stored still differs from its desired state after a patch (a mutating webhook, or a server default the fingerprint does not know); not patching it again for this desired state")]
        public static partial void DriftUnresolved(ILogger logger, string @namespace, string name, string kind, string child);
    }
}
