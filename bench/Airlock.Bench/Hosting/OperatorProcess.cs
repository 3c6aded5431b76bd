using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Airlock.Bench.Hosting;

/// <summary>
/// <c>bin/airlock operator</c> as a child process against the bench cluster, its output in a log file (through
/// <c>exec</c> in a shell, so the bench spends nothing relaying it and the pid is the operator's own). Killed with
/// SIGKILL for chaos, stopped with SIGTERM otherwise.
/// </summary>
public sealed partial class OperatorProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Process _process;

    private OperatorProcess(Process process, string name, string logPath, int metricsPort)
    {
        _process = process;
        Name = name;
        LogPath = logPath;
        MetricsPort = metricsPort;
    }

    /// <summary>The service account (and log file) name.</summary>
    public string Name { get; }

    public string LogPath { get; }

    public int MetricsPort { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The process's VmRSS in MiB (null once it has exited).</summary>
    public double? ResidentMegabytes => ProcessMemory.ResidentMegabytes(_process.Id);

    public static OperatorProcess Start(string airlockBinary, string kubeconfig, string name, string logDir, bool leaderElect)
    {
        var port = FreePort.Next();
        var log = Path.Combine(logDir, $"{name}.log");
        var args = new List<string>
        {
            "operator", "--kubeconfig", kubeconfig, "--namespace", BenchCluster.SystemNamespace,
            "--metrics-addr", $"127.0.0.1:{port}",
        };
        if (leaderElect) args.Add("--leader-elect");
        var info = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            RedirectStandardInput = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("exec \"$0\" \"$@\" >>\"$AIRLOCK_BENCH_LOG\" 2>&1");
        info.ArgumentList.Add(airlockBinary);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["AIRLOCK_BENCH_LOG"] = log;
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {airlockBinary}");
        return new OperatorProcess(process, name, log, port);
    }

    /// <summary>Waits until /readyz answers 200 (every informer has listed).</summary>
    public Task WaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Poll.UntilAsync(async () =>
        {
            if (_process.HasExited) throw new InvalidOperationException($"operator {Name} exited with {_process.ExitCode}; see {LogPath}");
            try
            {
                using var response = await Http.GetAsync(new Uri($"http://127.0.0.1:{MetricsPort}/readyz"), cancellationToken).ConfigureAwait(false);
                return response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, timeout, $"operator {Name} to be ready", TimeSpan.FromMilliseconds(200), cancellationToken);

    /// <summary>The identity the operator announced in its log (what it writes into the Lease), once started.</summary>
    public string? Identity()
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                var match = StartedLine().Match(line);
                if (match.Success) return match.Groups[1].Value;
            }
        }
        catch (FileNotFoundException)
        {
            // Not started yet.
        }
        return null;
    }

    /// <summary>The Prometheus text of the operator's /metrics (empty when unreachable).</summary>
    public async Task<string> MetricsAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await Http.GetStringAsync(new Uri($"http://127.0.0.1:{MetricsPort}/metrics"), cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            return "";
        }
    }

    /// <summary>SIGKILL: no lease release, no cleanup (what a node failure or OOM kill looks like).</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: false);
    }

    /// <summary>SIGTERM, then SIGKILL after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited) return;
        using (var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
        {
            if (term is not null) await term.WaitForExitAsync().ConfigureAwait(false);
        }
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill();
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        _process.Dispose();
    }

    [GeneratedRegex(@"airlock-operator (\S+) started")]
    private static partial Regex StartedLine();
}
