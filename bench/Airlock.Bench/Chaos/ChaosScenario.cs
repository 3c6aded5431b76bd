using System.Diagnostics;
using Airlock.Bench.Hosting;
using Airlock.Bench.Operator;
using Airlock.Bench.Reporting;

namespace Airlock.Bench.Chaos;

/// <summary>
/// The chaos scenario: operators on a Lease as child processes against a control plane injecting write errors, latency
/// and watch drops (410 on resume); tasks created at a steady pace while the leader is SIGKILLed mid-burst; then the
/// namespace is judged against the plan. Returns whether every invariant held.
/// </summary>
public sealed class ChaosScenario(ChaosOptions options, string airlockBinary, string stateDir, Progress progress)
{
    private const string Namespace = "chaos";

    public async Task<bool> RunAsync(Figures figures, CancellationToken cancellationToken)
    {
        await using var cluster = await BenchCluster.StartAsync(stateDir, options.WatchHistorySize, cancellationToken).ConfigureAwait(false);
        var kubeconfig = await cluster.WriteServiceAccountKubeconfigAsync(OperatorBenchmark.OperatorAccount, cancellationToken).ConfigureAwait(false);
        await using var fleet = new OperatorFleet(cluster.Admin, airlockBinary, kubeconfig, stateDir);
        await fleet.StartAsync(options.Operators, cancellationToken).ConfigureAwait(false);
        var leader = await fleet.WaitForLeaderAsync(null, TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
        progress.Say($"chaos: {options.Operators} operators up, {leader.Name} leads");
        await cluster.CreateNamespaceAsync(Namespace, cancellationToken).ConfigureAwait(false);
        var plans = TaskPlan.For(Namespace, options);

        await using var faults = new FaultInjector(cluster.Knobs, options);
        faults.Start();
        progress.Say($"chaos: faults on ({options.WriteErrorRate:P0} write errors {string.Join("/", options.WriteErrorCodes)}, ~{options.Latency.TotalMilliseconds:0} ms latency, watches cut every {options.WatchDropInterval.TotalSeconds:0} s{(options.WatchResumeGone ? " with 410 Gone on resume" : "")}, watch history {options.WatchHistorySize})");
        var creator = new RetryingCreator(cluster.Admin);
        var created = 0;
        var creating = Task.Run(async () =>
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < plans.Count; i++)
            {
                var due = TimeSpan.FromSeconds(i / options.CreateRate) - Stopwatch.GetElapsedTime(start);
                if (due > TimeSpan.Zero) await Task.Delay(due, cancellationToken).ConfigureAwait(false);
                await creator.CreateAsync(plans[i].Task, cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref created);
            }
        }, cancellationToken);

        var failovers = 0;
        for (var kill = 0; kill < options.LeaderKills; kill++)
        {
            // Spread the kills over the burst: the k-th when (k+1)/(kills+1) of the tasks exist.
            var mark = plans.Count * (kill + 1) / (options.LeaderKills + 1);
            await Poll.UntilAsync(() => Volatile.Read(ref created) >= mark || creating.IsCompleted, TimeSpan.FromMinutes(5), $"{mark} tasks to be created",
                cancellationToken: cancellationToken).ConfigureAwait(false);
            // Read before the kill: the replacement's start-up (seconds on a loaded machine) is not part of the takeover.
            var createdAtKill = Volatile.Read(ref created);
            var killedAt = Stopwatch.GetTimestamp();
            var killed = await fleet.KillAndReplaceAsync(leader, cancellationToken).ConfigureAwait(false);
            progress.Say($"chaos: SIGKILLed leader {leader.Name} at {createdAtKill} tasks created");
            leader = await fleet.WaitForLeaderAsync(killed, TimeSpan.FromSeconds(90), cancellationToken).ConfigureAwait(false);
            failovers++;
            progress.Say($"chaos: {leader.Name} took over after {Stopwatch.GetElapsedTime(killedAt).TotalSeconds:0.0} s");
        }
        await creating.ConfigureAwait(false);
        progress.Say($"chaos: all {plans.Count} tasks created ({creator.Retries} create retries); waiting for the cluster to settle");

        var settleStart = Stopwatch.GetTimestamp();
        var verdict = await SettleAsync(cluster, plans, options.SettleTimeout, cancellationToken).ConfigureAwait(false);
        var settledUnderFaults = verdict.Ok;
        await faults.StopAsync().ConfigureAwait(false);
        if (!verdict.Ok)
        {
            progress.Say("chaos: not settled under faults; faults off, up to one more minute");
            verdict = await SettleAsync(cluster, plans, TimeSpan.FromMinutes(1), cancellationToken).ConfigureAwait(false);
        }
        foreach (var problem in verdict.Problems.Take(20)) progress.Say($"chaos: problem: {problem}");

        figures.Add("chaos.tasks", verdict.Tasks);
        figures.Add("chaos.lost", verdict.Lost);
        figures.Add("chaos.duplicate_pods", verdict.DuplicatePods);
        figures.Add("chaos.orphans", verdict.Orphans);
        figures.Add("chaos.uncleaned", verdict.Uncleaned);
        figures.Add("chaos.leader_failovers", failovers);
        figures.Add("chaos.settled_under_faults", settledUnderFaults ? "true" : "false");
        figures.Add("chaos.settle_seconds", Stopwatch.GetElapsedTime(settleStart).TotalSeconds, 1);
        figures.Add("chaos.create_retries", creator.Retries);
        figures.Add("chaos.operator_lists", cluster.Counters.Get(verb: "list", user: BenchCluster.ServiceAccountUser(OperatorBenchmark.OperatorAccount)));
        figures.Add("chaos.operator_relists_after_410", fleet.CountInLogs("expired, listing again"));
        figures.Add("chaos.watch_resumes_refused", cluster.Knobs.ResumesRefused);
        figures.Add("chaos.operator_sandbox_checks", fleet.CountInLogs("missing from the cache; read from the API server"));
        var auditOk = true;
        if (options.GatewayRequests > 0)
        {
            progress.Say($"chaos: gateway: {options.GatewayRequests} model calls, the gateway SIGKILLed half way");
            var gateway = await new GatewayChaos(options.GatewayRequests, Path.Combine(stateDir, "gateway"), progress).RunAsync(cancellationToken).ConfigureAwait(false);
            foreach (var marker in gateway.LostMarkers.Take(10)) progress.Say($"chaos: problem: answered call {marker} has no audit record");
            if (!gateway.ChainIntact) progress.Say($"chaos: problem: the audit chain does not verify: {gateway.ChainProblem}");
            figures.Add("chaos.audit_calls_acknowledged", gateway.Acknowledged);
            figures.Add("chaos.audit_calls_failed", gateway.Failed);
            figures.Add("chaos.audit_records", gateway.Records);
            figures.Add("chaos.audit_records_lost", gateway.Lost);
            figures.Add("chaos.audit_chain_intact", gateway.ChainIntact ? "true" : "false");
            auditOk = gateway.Ok;
        }
        return verdict.Ok && failovers == options.LeaderKills && auditOk;
    }

    /// <summary>Judges the namespace until it is right, the deadline passes, or nothing has changed for 90 s (stuck).</summary>
    private async Task<ClusterVerdict> SettleAsync(BenchCluster cluster, IReadOnlyList<TaskPlan> plans, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        var unchangedSince = Stopwatch.GetTimestamp();
        var last = "";
        while (true)
        {
            var verdict = await ClusterInspector.InspectAsync(cluster.Admin, Namespace, plans, cancellationToken).ConfigureAwait(false);
            var now = string.Join("\n", verdict.Problems);
            if (now != last)
            {
                last = now;
                unchangedSince = Stopwatch.GetTimestamp();
            }
            if (verdict.Ok || Stopwatch.GetTimestamp() > deadline || Stopwatch.GetElapsedTime(unchangedSince) > TimeSpan.FromSeconds(90)) return verdict;
            progress.Say($"chaos: settling: {verdict.Lost} not yet right, {verdict.Uncleaned} awaiting cleanup, {verdict.DuplicatePods} duplicate pods, {verdict.Orphans} orphans");
            await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken).ConfigureAwait(false);
        }
    }
}
