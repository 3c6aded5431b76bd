using Airlock.Gateway.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Airlock.Gateway.Tests.Hosting;

/// <summary>A gateway without the signal key says so at start, loudly: its anomalies will quarantine nothing.</summary>
[NonParallelizable]
public sealed class GatewaySignalKeyTests
{
    [Test]
    public async Task Without_a_signal_key_the_gateway_logs_an_error_that_anomalies_write_no_event()
    {
        using var lines = new LogLines();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(lines).SetMinimumLevel(LogLevel.Information));

        await using var harness = await GatewayHarness.StartAsync(loggerFactory: loggerFactory, sealSignals: false);

        lines.Lines.Should().Contain(l => l.StartsWith("Error ", StringComparison.Ordinal) && l.Contains("no signal key (--signal-key-file)", StringComparison.Ordinal));
    }

    [Test]
    public async Task With_a_signal_key_the_gateway_logs_no_such_error()
    {
        using var lines = new LogLines();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(lines).SetMinimumLevel(LogLevel.Information));

        await using var harness = await GatewayHarness.StartAsync(loggerFactory: loggerFactory);

        lines.Lines.Should().NotContain(l => l.Contains("no signal key", StringComparison.Ordinal));
    }
}
