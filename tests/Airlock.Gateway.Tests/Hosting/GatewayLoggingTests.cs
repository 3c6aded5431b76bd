using Airlock.Gateway.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Airlock.Gateway.Tests.Hosting;

/// <summary>A call served at log level Information costs no per-request log lines from the web host.</summary>
[NonParallelizable]
public sealed class GatewayLoggingTests
{
    [Test]
    public async Task An_answered_call_logs_no_per_request_lines_at_information()
    {
        using var lines = new LogLines();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(lines).SetMinimumLevel(LogLevel.Information));
        await using var harness = await GatewayHarness.StartAsync(loggerFactory: loggerFactory);
        var agent = await harness.CreateAgentAsync();

        using var response = await harness.ChatAsync(agent);

        (response.IsSuccessStatusCode, lines.Lines.Where(l => l.Contains("Microsoft.AspNetCore", StringComparison.Ordinal)).ToList())
            .Should().BeEquivalentTo((true, new List<string>()));
    }
}
