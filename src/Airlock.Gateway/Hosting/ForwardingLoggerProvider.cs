using Microsoft.Extensions.Logging;

namespace Airlock.Gateway.Hosting;

/// <summary>
/// Hands the web host's loggers to the caller's <see cref="ILoggerFactory"/>, so the host's own logging builder can filter
/// them first (ASP.NET Core logs every request at Information: four lines a call on the hot path).
/// </summary>
internal sealed class ForwardingLoggerProvider(ILoggerFactory factory) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => factory.CreateLogger(categoryName);

    public void Dispose()
    {
        // The factory belongs to the caller.
    }
}
