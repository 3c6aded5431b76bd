using Microsoft.Extensions.Logging;

namespace Airlock.Runtime.Controllers;

public sealed partial class Controller<T>
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Controller {Controller} started with {Workers} workers")]
        public static partial void Started(ILogger logger, string controller, int workers);

        [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Controller {Controller} stopped")]
        public static partial void Stopped(ILogger logger, string controller);

        [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Controller {Controller}: reconcile of {Namespace}/{Name} failed (retry {Retries})")]
        public static partial void ReconcileFailed(ILogger logger, string controller, string @namespace, string name, int retries, Exception exception);
    }
}
