using System.CommandLine;
using Airlock.Bench.Chaos;
using Airlock.Bench.Hosting;
using Airlock.Bench.Reporting;

namespace Airlock.Bench.Commands;

/// <summary><c>airlock-bench chaos</c>: the bounded chaos scenario; prints chaos.* figures and exits 1 when an invariant fails.</summary>
internal static class ChaosCommand
{
    public static Command Create()
    {
        var tasks = new Option<int>("--tasks") { Description = "Tasks created during the faults.", DefaultValueFactory = _ => 500 };
        var rate = new Option<double>("--create-rate") { Description = "Tasks created per second.", DefaultValueFactory = _ => 10 };
        var kills = new Option<int>("--leader-kills") { Description = "Leaders SIGKILLed mid-burst.", DefaultValueFactory = _ => 2 };
        var gateway = new Option<int>("--gateway-requests") { Description = "Model calls during the gateway kill (0 skips it).", DefaultValueFactory = _ => 400 };
        var bin = new Option<string?>("--airlock-bin") { Description = "The built airlock binary (default $AIRLOCK_BIN or bin/airlock)." };
        var state = new Option<string>("--state-dir") { Description = "Where logs and kubeconfigs go.", DefaultValueFactory = _ => Path.Combine(".state", "chaos") };
        var command = new Command("chaos", "Run the chaos scenario and print chaos.* figures.");
        foreach (var option in new Option[] { tasks, rate, kills, gateway, bin, state }) command.Options.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new ChaosOptions
            {
                Tasks = parse.GetValue(tasks),
                CreateRate = parse.GetValue(rate),
                LeaderKills = parse.GetValue(kills),
                GatewayRequests = parse.GetValue(gateway),
            };
            var stateDir = Path.GetFullPath(parse.GetValue(state)!);
            if (Directory.Exists(stateDir)) Directory.Delete(stateDir, recursive: true);
            Directory.CreateDirectory(stateDir);
            var figures = new Figures();
            MachineInfo.AddTo(figures);
            figures.WriteTo(Console.Out);
            var ok = await new ChaosScenario(options, AirlockBinary.Locate(parse.GetValue(bin)), stateDir, new Progress(Console.Out)).RunAsync(figures, cancellationToken);
            figures.Add("machine.loadavg_at_end", MachineInfo.LoadAverage());
            Console.WriteLine("# figures");
            foreach (var (key, value) in figures.All.Where(kv => !kv.Key.StartsWith("machine.", StringComparison.Ordinal) || kv.Key == "machine.loadavg_at_end")) Console.WriteLine($"{key}={value}");
            Console.WriteLine($"chaos.result={(ok ? "pass" : "fail")}");
            return ok ? 0 : 1;
        });
        return command;
    }
}
