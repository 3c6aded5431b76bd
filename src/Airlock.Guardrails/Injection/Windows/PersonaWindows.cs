using System.Collections.Frozen;
using Airlock.Guardrails.Injection.Lexicon;
using Airlock.Guardrails.Injection.Scanning;
using static Airlock.Guardrails.Injection.InjectionFamilies;
using static Airlock.Guardrails.Injection.Windows.WindowWords;

namespace Airlock.Guardrails.Injection.Windows;

/// <summary>
/// Jailbreak personas: "unrestricted", "no rules", "never refuse" said of the agent (you, an AI, a character it is to
/// play), special modes switched on ("developer mode enabled"), named jailbreaks written as names (DAN, STAN) and
/// characters that ignore rules. A persona alone ("pretend to be Shakespeare") is ordinary.
/// </summary>
internal static class PersonaWindows
{
    private const Cue AiContext = Cue.AiNoun | Cue.MaybeAi | Cue.Unrestricted | Cue.Limit | Cue.OverrideVerb | Cue.Target | Cue.JailbreakName;
    private const Cue Subject = Cue.SecondPerson | Cue.Persona | Cue.AiNoun | Cue.MaybeAi | Cue.JailbreakName | Cue.Mode;
    private static readonly FrozenSet<int> Switches = Set("enable activate enter entering switch turn");
    private static readonly FrozenSet<int> SwitchedOn = Set("enabled activated engaged on now");
    private static readonly FrozenSet<int> Breaks = Set("ignores disregards bypasses breaks");
    private static readonly FrozenSet<int> FreeOut = Set("free out");
    private static readonly int Broken = Id("broken");

    public static void Collect(TokenWindow w, SignalSet signals)
    {
        for (var i = 0; i < w.Count; i++)
        {
            var t = w[i];
            if (t.Has(Cue.Unrestricted) || (t.Id == Broken && w.Next(i, 1, FreeOut) > 0)) Unrestricted(w, i, signals);
            if (t.Has(Cue.Negation)) NoLimits(w, i, signals);
            if (t.Has(Cue.ModeName) && i + 1 < w.Count && w[i + 1].Has(Cue.Mode)) Mode(w, i, signals);
            if (t.Has(Cue.JailbreakName) && t.Is(TokenMarks.AllCaps) && w.Previous(i, 4, Cue.Persona | Cue.SecondPerson) >= 0)
                w.Report(signals, Roleplay, 0.65, "named jailbreak persona", i, i);
            if (Breaks.Contains(t.Id) && w.Previous(i, 8, Cue.Persona | Cue.JailbreakName) >= 0 && w.Next(i, 4, Cue.Target | Cue.Limit) is var r and >= 0)
                w.Report(signals, Roleplay, 0.6, "a persona that ignores its rules", i, r);
        }
    }

    private static void Unrestricted(TokenWindow w, int i, SignalSet signals)
    {
        var near = w.Previous(i, 8, Subject) >= 0 || w.Next(i, 8, Subject) >= 0;
        w.Report(signals, Roleplay, near ? 0.6 : 0.25, "an unrestricted persona", i, i);
    }

    /// <summary>"no rules", "without any filters", "never refuse", "free of restrictions".</summary>
    private static void NoLimits(TokenWindow w, int i, SignalSet signals)
    {
        var j = w.Next(i, 3, Cue.Limit);
        if (j < 0) return;
        var near = w.Previous(i, 10, Subject) >= 0 || w.Next(j, 6, Subject) >= 0;
        w.Report(signals, Roleplay, near ? 0.55 : 0.25, "asks it to work without limits", i, j);
    }

    /// <summary>"developer mode enabled", "switch to god mode".</summary>
    private static void Mode(TokenWindow w, int i, SignalSet signals)
    {
        var switched = w.Previous(i, 3, Switches) >= 0 || w.Is(i + 2, SwitchedOn) || w.Is(i + 3, SwitchedOn) && w[i + 2].Has(Cue.Common);
        // A phone's developer mode is not a jailbreak: the mode has to come with an AI, its rules or their absence.
        var aboutAi = w.Previous(i, 25, 1, t => t.Has(AiContext)) >= 0 || w.Next(i + 1, 25, 1, t => t.Has(AiContext)) >= 0;
        w.Report(signals, Roleplay, switched && aboutAi ? 0.55 : 0.2, "switches on a special mode", i, i + 1);
    }
}
