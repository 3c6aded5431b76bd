using System.Security.Cryptography;
using Airlock.ControlPlane.Server.Diagnostics;

namespace Airlock.Bench.Chaos;

/// <summary>
/// Drives the control plane's test knobs while the scenario runs: a share of writes failing with a code re-drawn among
/// 500/429/409 and a latency re-drawn around its mean every 100 ms (the knobs are global, so jitter is over time), and
/// watches cut at an interval, their resumption answered with 410 Gone.
/// </summary>
public sealed class FaultInjector(TestKnobs knobs, ChaosOptions options) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public void Start()
    {
        knobs.WriteErrorRate = options.WriteErrorRate;
        knobs.WatchDropInterval = options.WatchDropInterval;
        knobs.WatchResumeGone = options.WatchResumeGone;
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                knobs.WriteErrorCode = options.WriteErrorCodes[RandomNumberGenerator.GetInt32(options.WriteErrorCodes.Count)];
                var factor = 0.5 + RandomNumberGenerator.GetInt32(1001) / 1000.0;
                knobs.Latency = options.Latency * factor;
                await Task.Delay(TimeSpan.FromMilliseconds(100), _stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        });
    }

    /// <summary>Turns every fault off.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null) await _loop.ConfigureAwait(false);
        knobs.Reset();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stop.Dispose();
    }
}
