using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Airlock.Operator.Tests.EndToEnd;

/// <summary>Operator logs on the console when <c>AIRLOCK_TEST_LOG=1</c> (for debugging a failing end-to-end test); silent otherwise.</summary>
public static class TestLogging
{
    public static ILoggerFactory Factory { get; } = Environment.GetEnvironmentVariable("AIRLOCK_TEST_LOG") == "1"
        ? LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Debug))
        : NullLoggerFactory.Instance;
}
