namespace Airlock.Operator.Hosting;

/// <summary>
/// The .NET runtime settings the operator's container runs with. The Helm chart (and so the kustomize config made from it)
/// sets exactly these on the operator Deployment, and the benchmark starts its operator process with them, so the memory it
/// reports is the memory of the operator as installed. They are environment variables because they must be read before the
/// runtime starts, and they apply to the operator only: the same binary's CLI commands start far faster with the defaults.
/// </summary>
public static class OperatorRuntime
{
    /// <summary>The variables, by name.</summary>
    public static IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // No diagnostics IPC endpoint (dotnet-dump, dotnet-trace) or perf map files in a production pod.
        ["DOTNET_EnableDiagnostics"] = "0",
        // Each method is compiled once, fully optimised, instead of a quick first version, call-counting stubs and a second
        // optimised version of everything hot: a long-running process pays a few seconds of compilation at start and keeps
        // ~20 MiB less code and stubs resident with 10,000 tasks cached (docs/benchmarks.md).
        ["DOTNET_TieredCompilation"] = "0",
        // Idle thread-pool workers wait at once instead of spinning for work first: spinning buys microseconds of latency at the
        // price of CPU, which an operator sharing a node with its API server or its agents should not burn (a 1,000-task
        // burst: 5.2 -> 4.3 ms of operator CPU per task, docs/benchmarks.md).
        ["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0",
    };
}
