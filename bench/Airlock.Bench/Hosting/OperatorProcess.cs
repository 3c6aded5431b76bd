using System.Text.RegularExpressions;

namespace Airlock.Bench.Hosting;

/// <summary><c>bin/airlock operator</c> as a child process against the bench cluster, its output in a log file.</summary>
public sealed partial class OperatorProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly LoggedProcess _process;

    private OperatorProcess(LoggedProcess process, string name, int metricsPort)
    {
        _process = process;
        Name = name;
        MetricsPort = metricsPort;
    }

    /// <summary>The log file name.</summary>
    public string Name { get; }

    public string LogPath => _process.LogPath;

    public int MetricsPort { get; }

    public int Pid => _process.Pid;

    public bool HasExited => _process.HasExited;

    /// <summary>The process's VmRSS in MiB (null once it has exited).</summary>
    public double? ResidentMegabytes => _process.ResidentMegabytes;

    public static OperatorProcess Start(string airlockBinary, string kubeconfig, string name, string logDir, bool leaderElect)
    {
        var port = FreePort.Next();
        var args = new List<string>
        {
            "operator", "--kubeconfig", kubeconfig, "--namespace", BenchCluster.SystemNamespace,
            "--metrics-addr", $"127.0.0.1:{port}",
            // No admission webhooks: the bench measures the reconcile path, and several operators share this host.
            "--webhook-addr", "",
        };
        if (leaderElect) args.Add("--leader-elect");
        return new OperatorProcess(LoggedProcess.Start(airlockBinary, args, Path.Combine(logDir, $"{name}.log"), RuntimeSettings()), name, port);
    }

    /// <summary>
    /// The runtime settings of the operator process: those the chart gives the operator's container
    /// (<see cref="Airlock.Operator.Hosting.OperatorRuntime.Environment"/>), then any from <c>AIRLOCK_BENCH_OPERATOR_DOTNET</c>
    /// (<c>GCConserveMemory=5;TieredCompilation=1</c> becomes <c>DOTNET_GCConserveMemory=5</c> and
    /// <c>DOTNET_TieredCompilation=1</c>, replacing the chart's value): for trying settings without rebuilding
    /// (<c>EnableDiagnostics=1</c> lets dotnet-gcdump and dotnet-counters attach).
    /// </summary>
    private static Dictionary<string, string> RuntimeSettings()
    {
        var settings = new Dictionary<string, string>(Airlock.Operator.Hosting.OperatorRuntime.Environment, StringComparer.Ordinal);
        foreach (var pair in (Environment.GetEnvironmentVariable("AIRLOCK_BENCH_OPERATOR_DOTNET") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            if (at > 0) settings["DOTNET_" + pair[..at].Trim()] = pair[(at + 1)..].Trim();
        }
        return settings;
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
        var match = StartedLine().Match(_process.ReadLog());
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>SIGKILL: no lease release, no cleanup.</summary>
    public void Kill() => _process.Kill();

    public async ValueTask DisposeAsync() => await _process.DisposeAsync().ConfigureAwait(false);

    [GeneratedRegex(@"airlock-operator (\S+) started")]
    private static partial Regex StartedLine();
}
