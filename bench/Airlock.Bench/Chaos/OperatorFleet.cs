using System.Net;
using Airlock.Bench.Hosting;
using k8s;
using k8s.Autorest;

namespace Airlock.Bench.Chaos;

/// <summary>
/// Operator replicas (<c>bin/airlock operator --leader-elect</c> child processes) on the Lease <c>airlock-operator</c>:
/// finds the leader from the Lease, kills it with SIGKILL, starts a replacement follower and waits for a takeover.
/// </summary>
public sealed class OperatorFleet(IKubernetes client, string airlockBinary, string kubeconfig, string logDir) : IAsyncDisposable
{
    public const string LeaseName = "airlock-operator";

    private readonly List<OperatorProcess> _all = [];
    private int _started;

    public IReadOnlyList<OperatorProcess> Live => _all.Where(p => !p.HasExited).ToList();

    public async Task StartAsync(int replicas, CancellationToken cancellationToken)
    {
        var started = Enumerable.Range(0, replicas).Select(_ => StartOne()).ToList();
        foreach (var process in started) await process.WaitReadyAsync(TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The live process holding the Lease, once there is one.</summary>
    public async Task<OperatorProcess> WaitForLeaderAsync(string? notIdentity, TimeSpan timeout, CancellationToken cancellationToken)
    {
        OperatorProcess? leader = null;
        await Poll.UntilAsync(async () =>
        {
            var holder = await HolderAsync(cancellationToken).ConfigureAwait(false);
            leader = holder is null || holder == notIdentity ? null : Live.FirstOrDefault(p => p.Identity() == holder);
            return leader is not null;
        }, timeout, "an operator to hold the Lease", TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
        return leader!;
    }

    /// <summary>SIGKILLs <paramref name="leader"/> and starts a replacement (a new follower); returns the killed identity.</summary>
    public async Task<string> KillAndReplaceAsync(OperatorProcess leader, CancellationToken cancellationToken)
    {
        var identity = leader.Identity() ?? "";
        leader.Kill();
        var replacement = StartOne();
        await replacement.WaitReadyAsync(TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
        return identity;
    }

    public async Task<string?> HolderAsync(CancellationToken cancellationToken)
    {
        try
        {
            var lease = await client.CoordinationV1.ReadNamespacedLeaseAsync(LeaseName, BenchCluster.SystemNamespace, cancellationToken: cancellationToken).ConfigureAwait(false);
            return lease.Spec?.HolderIdentity is { Length: > 0 } holder ? holder : null;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// Lines of every replica's log (killed ones too) containing <paramref name="text"/>: how the faults showed, e.g. the
    /// informers' relists after 410 Gone.
    /// </summary>
    public int CountInLogs(string text) => _all.Sum(p => Count(ReadShared(p.LogPath), text));

    private static int Count(string log, string text) => log.Split('\n').Count(line => line.Contains(text, StringComparison.Ordinal));

    private static string ReadShared(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (FileNotFoundException)
        {
            return "";
        }
    }

    private OperatorProcess StartOne()
    {
        var process = OperatorProcess.Start(airlockBinary, kubeconfig, $"operator-{++_started}", logDir, leaderElect: true);
        _all.Add(process);
        return process;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _all) await process.DisposeAsync().ConfigureAwait(false);
    }
}
