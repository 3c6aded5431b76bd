using Microsoft.Extensions.Logging;

namespace Airlock.Runtime.Informers;

public sealed partial class SharedInformer<T>
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Informer {Informer}: resourceVersion {ResourceVersion} expired, listing again")]
        public static partial void ResourceExpired(ILogger logger, string informer, string resourceVersion);

        [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Informer {Informer}: list/watch failed, retrying in {Delay}")]
        public static partial void ListWatchFailed(ILogger logger, string informer, TimeSpan delay, Exception exception);

        [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Informer {Informer}: an event handler threw")]
        public static partial void HandlerFailed(ILogger logger, string informer, Exception exception);
    }
}
