using System.CommandLine;
using Airlock.Guardrails.Redteam;

namespace Airlock.Cli.Commands;

/// <summary>`airlock redteam`: fuzz the injection detector with mutated attacks and look-alikes; exit 1 below the thresholds.</summary>
internal static class RedteamCommand
{
    public static Command Create()
    {
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same run.", DefaultValueFactory = _ => 1 };
        var rounds = new Option<int>("--rounds") { Description = "Rounds of mutations over the whole corpus.", DefaultValueFactory = _ => 1 };
        var minDetection = new Option<double>("--min-detection") { Description = "Fail when fewer attacks than this are detected.", DefaultValueFactory = _ => 0.9 };
        var maxFalseAlarms = new Option<double>("--max-false-alarms") { Description = "Fail when more benign texts than this are flagged.", DefaultValueFactory = _ => 0.05 };
        var heldOut = new Option<bool>("--held-out") { Description = "Mutate the held-out corpus instead of the tuning seeds." };
        var command = new Command("redteam", "Mutate a seed corpus of attacks and benign look-alikes and report detection and false-alarm rates.")
        {
            seed, rounds, minDetection, maxFalseAlarms, heldOut,
        };
        command.SetAction(parseResult =>
        {
            var options = new RedteamOptions
            {
                Seed = parseResult.GetValue(seed),
                Rounds = parseResult.GetValue(rounds),
                MinDetection = parseResult.GetValue(minDetection),
                MaxFalseAlarms = parseResult.GetValue(maxFalseAlarms),
                HeldOut = parseResult.GetValue(heldOut),
            };
            if (options.Rounds < 1) return ValidateOutput.Usage("redteam: --rounds must be at least 1");
            var report = RedteamRunner.Run(options);
            Console.WriteLine(report.Format());
            return report.Passes ? 0 : 1;
        });
        return command;
    }
}
