using Microsoft.Extensions.Logging;

namespace Airlock.Runtime.Leadership;

public sealed partial class LeaderElection
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Lease {Lease}: {Identity} started leading")]
        public static partial void StartedLeading(ILogger logger, string lease, string identity);

        [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Lease {Lease}: {Identity} stopped leading")]
        public static partial void StoppedLeading(ILogger logger, string lease, string identity);

        [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Lease {Lease}: the leader is {Leader}")]
        public static partial void NewLeader(ILogger logger, string lease, string leader);

        [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Lease {Lease}: election error")]
        public static partial void ElectionError(ILogger logger, string lease, Exception exception);

        [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Lease {Lease}: could not release the lease")]
        public static partial void ReleaseFailed(ILogger logger, string lease, Exception exception);
    }
}
