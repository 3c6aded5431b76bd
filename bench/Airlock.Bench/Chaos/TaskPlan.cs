using Airlock.Api.Tasks;
using Airlock.Bench.Operator;

namespace Airlock.Bench.Chaos;

/// <summary>What each chaos task is and where it must end: most keep running; some exit with 0 or 1 and are cleaned up after their TTL.</summary>
public sealed record TaskPlan(AgentTask Task, string ExpectedPhase, bool ExpectPod)
{
    public string Name => Task.Metadata.Name;

    public static IReadOnlyList<TaskPlan> For(string ns, ChaosOptions options)
    {
        var every = options.FinishingShare <= 0 ? int.MaxValue : (int)Math.Round(1 / options.FinishingShare);
        return Enumerable.Range(0, options.Tasks).Select(i =>
        {
            var name = BenchTasks.Name("chaos", i);
            if (i % every != every - 1) return new TaskPlan(BenchTasks.New(ns, name), AgentTaskPhase.Running, ExpectPod: true);
            var fails = i / every % 2 == 1;
            return new TaskPlan(BenchTasks.New(ns, name, exitAfter: "3s", exitCode: fails ? 1 : 0, ttlSeconds: options.TtlSeconds),
                fails ? AgentTaskPhase.Failed : AgentTaskPhase.Succeeded, ExpectPod: false);
        }).ToList();
    }
}
