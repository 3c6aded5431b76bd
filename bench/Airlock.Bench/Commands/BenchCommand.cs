using System.CommandLine;
using Airlock.Bench.Egress;
using Airlock.Bench.Gateway;
using Airlock.Bench.Hosting;
using Airlock.Bench.Load;
using Airlock.Bench.Operator;
using Airlock.Bench.Reporting;

namespace Airlock.Bench.Commands;

/// <summary><c>airlock-bench run</c>: the machine, progress, then the figures as <c>key=value</c> lines.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var only = new Option<string[]>("--only") { Description = "Parts to run: operator, egress, gateway (default: all).", AllowMultipleArgumentsPerToken = true };
        var burst = new Option<int>("--burst-tasks") { Description = "Tasks in the burst.", DefaultValueFactory = _ => 1000 };
        var rounds = new Option<int>("--rounds") { Description = "Burst rounds (raw + operator each); figures are medians, the ratio's min and max are reported too.", DefaultValueFactory = _ => 3 };
        var warmup = new Option<int>("--warmup-tasks") { Description = "Tasks of each started operator's warm-up burst (a full raw burst also warms the control plane first); 0 measures cold processes.", DefaultValueFactory = _ => 200 };
        var rate = new Option<double>("--steady-rate") { Description = "Arrival rate (tasks/s) of the latency run.", DefaultValueFactory = _ => 50 };
        var steady = new Option<int>("--steady-seconds") { Description = "Duration of the latency run.", DefaultValueFactory = _ => 60 };
        var idle = new Option<int>("--idle-seconds") { Description = "Duration of the idle write count.", DefaultValueFactory = _ => 60 };
        var memory = new Option<int>("--memory-tasks") { Description = "Tasks cached when the operator's memory is read (0 skips).", DefaultValueFactory = _ => 10_000 };
        var httpSeconds = new Option<double>("--http-seconds") { Description = "Seconds per HTTP load run (gateway, egress).", DefaultValueFactory = _ => 5 };
        var httpRuns = new Option<int>("--http-runs") { Description = "Runs per HTTP figure; the figure is their median.", DefaultValueFactory = _ => 3 };
        var bin = new Option<string?>("--airlock-bin") { Description = "The built airlock binary (default $AIRLOCK_BIN or bin/airlock)." };
        var baseline = new Option<string?>("--baseline-bin") { Description = "Another airlock binary whose operator bursts beside the one under test in every round (operator.baseline_* figures)." };
        var state = new Option<string>("--state-dir") { Description = "Where logs and kubeconfigs go.", DefaultValueFactory = _ => Path.Combine(".state", "bench") };
        var command = new Command("run", "Run the benchmarks and print key=value figures.");
        foreach (var option in new Option[] { only, burst, rounds, warmup, rate, steady, idle, memory, httpSeconds, httpRuns, bin, baseline, state }) command.Options.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var parts = parse.GetValue(only) is { Length: > 0 } selected
                ? selected.SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.OrdinalIgnoreCase)
                : ["operator", "egress", "gateway"];
            var operatorOptions = new OperatorBenchOptions
            {
                BurstTasks = parse.GetValue(burst),
                Rounds = Math.Max(1, parse.GetValue(rounds)),
                WarmupTasks = Math.Max(0, parse.GetValue(warmup)),
                SteadyRate = parse.GetValue(rate),
                SteadyDuration = TimeSpan.FromSeconds(parse.GetValue(steady)),
                IdleWindow = TimeSpan.FromSeconds(parse.GetValue(idle)),
                MemoryTasks = parse.GetValue(memory),
                BaselineBinary = parse.GetValue(baseline) is { } baselineBin ? Path.GetFullPath(baselineBin) : null,
            };
            var http = new HttpLoadOptions { Duration = TimeSpan.FromSeconds(parse.GetValue(httpSeconds)), Runs = Math.Max(1, parse.GetValue(httpRuns)) };
            return await RunAsync(parts, operatorOptions, http, parse.GetValue(bin), Path.GetFullPath(parse.GetValue(state)!), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        HashSet<string> parts, OperatorBenchOptions operatorOptions, HttpLoadOptions http, string? bin, string stateDir, CancellationToken cancellationToken)
    {
        var figures = new Figures();
        MachineInfo.AddTo(figures);
        figures.WriteTo(Console.Out);
        var progress = new Progress(Console.Out);
        var failed = false;
        if (Directory.Exists(stateDir)) Directory.Delete(stateDir, recursive: true);
        Directory.CreateDirectory(stateDir);
        if (parts.Contains("operator"))
        {
            var binary = AirlockBinary.Locate(bin);
            await using var cluster = await BenchCluster.StartAsync(Path.Combine(stateDir, "operator"), cancellationToken: cancellationToken);
            progress.Say($"control plane at {cluster.ControlPlane.ServerUrl}; operator from {binary}");
            await new OperatorBenchmark(cluster, binary, operatorOptions, progress).RunAsync(figures, cancellationToken);
        }
        if (parts.Contains("egress"))
        {
            failed |= !await EgressBenchmark.RunAsync(figures, http, progress, Path.Combine(stateDir, "egress"), cancellationToken);
        }
        if (parts.Contains("gateway"))
        {
            await GatewayBenchmark.RunAsync(figures, http, progress, Path.Combine(stateDir, "gateway"), cancellationToken);
        }
        figures.Add("machine.loadavg_at_end", MachineInfo.LoadAverage());
        Console.WriteLine("# figures");
        foreach (var (key, value) in figures.All.Where(kv => !kv.Key.StartsWith("machine.", StringComparison.Ordinal) || kv.Key == "machine.loadavg_at_end")) Console.WriteLine($"{key}={value}");
        return failed ? 1 : 0;
    }
}
