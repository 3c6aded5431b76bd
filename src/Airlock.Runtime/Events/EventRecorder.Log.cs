using Microsoft.Extensions.Logging;

namespace Airlock.Runtime.Events;

public sealed partial class EventRecorder
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Could not write event {Reason} for {Namespace}/{Name}")]
        public static partial void WriteFailed(ILogger logger, string @namespace, string name, string reason, Exception exception);
    }
}
