using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Airlock.Install.Tests.ChartRbac;

/// <summary>Keeps every log line of the components under test, so a test can look for refusals they only logged.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    /// <summary>Lines that report a request the API server refused for lack of permission.</summary>
    public IReadOnlyList<string> Refusals() =>
        [.. Lines.Where(l => l.Contains("Forbidden", StringComparison.OrdinalIgnoreCase) && !l.Contains("NamespaceTerminating", StringComparison.Ordinal))
            .Select(l => l.Length > 400 ? l[..400] : l).Distinct()];

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " | " + exception.Message)}");
        }
    }
}
