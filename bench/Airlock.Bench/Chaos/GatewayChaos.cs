using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Airlock.Bench.Gateway;
using Airlock.Bench.Hosting;
using Airlock.Bench.Load;
using Airlock.Bench.Reporting;
using Airlock.Stores.Audit;
using Airlock.Stores.Audit.Sqlite;

namespace Airlock.Bench.Chaos;

/// <summary>
/// The gateway killed mid-load: agents call it from four threads, each call's prompt carrying a unique marker; half way
/// through, the gateway is SIGKILLed and restarted on the same port and the same SQLite audit log. At the end every call
/// that was answered 200 must have its audit record, and the hash chain must verify.
/// </summary>
public sealed partial class GatewayChaos(int requests, string stateDir, Progress progress)
{
    private const int Callers = 4;

    public async Task<GatewayChaosResult> RunAsync(CancellationToken cancellationToken)
    {
        await using var rig = await GatewayRig.StartAsync(stateDir, cancellationToken).ConfigureAwait(false);
        var auditDir = Path.Combine(stateDir, "audit");
        var port = FreePort.Next();
        var gateway = await rig.StartGatewayAsync(auditDir, "gateway-1", port, cancellationToken).ConfigureAwait(false);
        var acknowledged = new ConcurrentBag<string>();
        var failed = 0;
        var next = 0;
        using var calls = new ModelCalls(gateway.Address, rig.Token, Callers);
        var load = DedicatedThreads.Run(Callers, _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) <= requests)
            {
                var marker = $"chaos-req-{i:D6}";
                if (calls.TryCall(marker) == HttpStatusCode.OK) acknowledged.Add(marker);
                else Interlocked.Increment(ref failed);
            }
        }, "gateway-chaos");
        try
        {
            await Poll.UntilAsync(() => acknowledged.Count >= requests / 2 || load.IsCompleted, TimeSpan.FromMinutes(3), "half the calls to be answered",
                cancellationToken: cancellationToken).ConfigureAwait(false);
            gateway.Kill();
            progress.Say($"chaos: SIGKILLed the gateway after {acknowledged.Count} answered calls; restarting it on the same audit log");
            await gateway.DisposeAsync().ConfigureAwait(false);
            gateway = await rig.StartGatewayAsync(auditDir, "gateway-2", port, cancellationToken).ConfigureAwait(false);
            await load.ConfigureAwait(false);
        }
        finally
        {
            await gateway.StopAsync().ConfigureAwait(false);
            await gateway.DisposeAsync().ConfigureAwait(false);
        }
        return await JudgeAsync(auditDir, acknowledged.ToHashSet(StringComparer.Ordinal), Volatile.Read(ref failed), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<GatewayChaosResult> JudgeAsync(string auditDir, HashSet<string> acknowledged, int failed, CancellationToken cancellationToken)
    {
        await using var audit = SqliteAuditLog.OpenStateDirectory(auditDir);
        var recorded = new HashSet<string>(StringComparer.Ordinal);
        long records = 0;
        await foreach (var record in audit.ReadAsync(0, cancellationToken).ConfigureAwait(false))
        {
            records++;
            foreach (Match match in Marker().Matches(record.Data.ToJsonString())) recorded.Add(match.Value);
        }
        var verification = await AuditChainVerifier.VerifyAsync(audit, cancellationToken).ConfigureAwait(false);
        var lost = acknowledged.Where(m => !recorded.Contains(m)).Order(StringComparer.Ordinal).ToList();
        return new GatewayChaosResult(acknowledged.Count, failed, lost.Count, records, verification.Intact, verification.Problem, lost);
    }

    [GeneratedRegex(@"chaos-req-\d{6}")]
    private static partial Regex Marker();
}
