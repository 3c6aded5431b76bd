using System.Collections.Frozen;
using Airlock.Guardrails.Injection.Lexicon;
using Airlock.Guardrails.Injection.Scanning;
using static Airlock.Guardrails.Injection.InjectionFamilies;
using static Airlock.Guardrails.Injection.Windows.WindowWords;

namespace Airlock.Guardrails.Injection.Windows;

/// <summary>
/// Text that speaks to the AI reading it: the AI named as the one addressed ("Assistant:", "Dear AI model,", "Note for
/// any AI agent", "bots reading this channel", "AI screeners must…") and, close after, something it is told to do that
/// acts on the world or on the user (send, delete, approve, ignore, tell the user…). Being addressed alone is weak:
/// "Hey assistant, can you help me plan a party?" is an ordinary request.
/// </summary>
internal static class AddressWindows
{
    private const Cue Acting = Cue.Exfiltrate | Cue.OverrideVerb | Cue.ToolVerb | Cue.Destructive | Cue.NegatedObey;
    private static readonly FrozenSet<int> Agentive = Set(
        "send forward email delete remove approve merge close cancel mark rate rank recommend claim classify include insert append add open visit click "
        + "run execute call install disable grant share export upload post transfer pay refund wire accept invite ignore disregard forget reveal "
        + "award give score grade pass omit exclude hide skip");
    private static readonly FrozenSet<int> ThatWho = Set("that who which");
    private static readonly FrozenSet<int> Reads = Set("reads processes sees reviews summarizes");
    private static readonly FrozenSet<int> Refusals = Set("refuse decline refuses not never dont");
    private static readonly int Leave = Id("leave");
    private static readonly int Out = Id("out");
    private static readonly FrozenSet<int> Speak = Set("tell say reply respond answer");
    private static readonly FrozenSet<int> ToOthers = Set("that them with to users user customers customer people everyone anyone");
    private static readonly FrozenSet<int> Modifiers = Set("ai language automated autonomous coding screening reviewer reviewers reader readers");
    private static readonly FrozenSet<int> Me = Set("me us");

    public static void Collect(TokenWindow w, SignalSet signals)
    {
        for (var a = 0; a < w.Count; a++)
        {
            var t = w[a];
            if (!t.Has(Cue.AiNoun | Cue.MaybeAi) || (a > 0 && w[a - 1].Has(Cue.AiNoun | Cue.MaybeAi))) continue;
            var strong = t.Has(Cue.AiNoun) || w.Previous(a, 1, Modifiers) >= 0 || (a + 1 < w.Count && w[a + 1].Has(Cue.AiNoun | Cue.MaybeAi));
            var last = a + 1 < w.Count && w[a + 1].Has(Cue.AiNoun | Cue.MaybeAi) ? a + 1 : a;
            var form = Addressed(w, a, last, strong);
            if (form == Form.None) continue;
            var action = w.NextWhere(last, 20, 1, j => IsAction(w, j));
            var weight = (form, action >= 0) switch
            {
                (Form.Vocative, true) => 0.65,
                (Form.Reader, true) => 0.6,
                (Form.Directive, true) => 0.55,
                (Form.Reader, false) => 0.35,
                _ => 0,
            };
            if (weight == 0) continue;
            w.Report(signals, Indirect, weight, action >= 0 ? "tells the AI reading it to act" : "addresses the AI reading it", a, action >= 0 ? action : last);
        }
    }

    private enum Form
    {
        None,
        /// <summary>"Assistant:", "Dear AI,", "Note to the AI:".</summary>
        Vocative,
        /// <summary>"AI reading this", "agents indexing this wiki".</summary>
        Reader,
        /// <summary>"AI screeners must…", "automated assistants should…".</summary>
        Directive,
    }

    private static Form Addressed(TokenWindow w, int a, int last, bool strong)
    {
        // "AI assistant:", "Model, when you read this", "(for chatbots only):"
        var punctuated = w[last].Is(TokenMarks.ColonAfter | TokenMarks.CommaAfter | TokenMarks.DashAfter)
            || (last + 1 < w.Count && w[last + 1].Sentence == w[last].Sentence && w[last + 1].Is(TokenMarks.ColonAfter | TokenMarks.CommaAfter));
        if (punctuated && w.ClauseOffset(a) <= 3) return Form.Vocative;
        if (w.Previous(a, 2, Cue.Greeting) >= 0 || w.Previous(a, 5, Cue.NoteNoun) >= 0) return strong || punctuated ? Form.Vocative : Form.None;
        if (w.Next(last, 3, Cue.Reading) >= 0 || w.Next(last, 3, Reads) >= 0) return Form.Reader;
        if (strong && w.Next(last, 5, Cue.Modal) >= 0) return Form.Directive;
        return Form.None;
    }

    /// <summary>An act on the world or on the user, not a request for the reader itself ("tell me a joke").</summary>
    private static bool IsAction(TokenWindow w, int j)
    {
        var t = w[j];
        // "agent processes running", "should refuse to reveal": a description or a refusal, not an order.
        if (t.Is(TokenMarks.Participle) || w.Previous(j, 2, Refusals) >= 0) return false;
        if (t.Id == Leave) return w.Is(j + 1, Out);
        if (t.Has(Acting) || Agentive.Contains(t.Id)) return !FollowedBy(w, j, Me) || t.Has(Cue.Exfiltrate | Cue.OverrideVerb);
        return Speak.Contains(t.Id) && FollowedBy(w, j, ToOthers);
    }

    /// <summary>The next word, or the one after a small word ("tell the user"), is one of <paramref name="words"/>.</summary>
    private static bool FollowedBy(TokenWindow w, int j, FrozenSet<int> words) =>
        w.Is(j + 1, words) || (j + 2 < w.Count && w[j + 1].Has(Cue.Common) && w.Is(j + 2, words));
}
