using System.Collections.Frozen;
using Airlock.Guardrails.Injection.Lexicon;
using Airlock.Guardrails.Injection.Scanning;
using static Airlock.Guardrails.Injection.InjectionFamilies;
using static Airlock.Guardrails.Injection.Windows.WindowWords;

namespace Airlock.Guardrails.Injection.Windows;

/// <summary>
/// Orders to whoever reads the text without naming an AI: what the user "wants you to" do, what to tell the user,
/// and imperatives that act on the world inside content that is data (a web page, JSON, an e-mail with headers). Weak
/// on their own; they add to other evidence.
/// </summary>
internal static class ReaderWindows
{
    private static readonly FrozenSet<int> Wants = Set("wants want asked requested needs expects");
    private static readonly FrozenSet<int> Speak = Set("tell inform warn remind");
    private static readonly FrozenSet<int> Readers = Set("user users customer customers reader readers visitor visitors");
    private static readonly FrozenSet<int> Agentive = Set(
        "send forward email delete remove approve merge close cancel mark rate rank recommend classify include insert append open visit click "
        + "install disable grant share export upload post transfer pay refund wire accept invite reveal award");
    private static readonly FrozenSet<int> Openers = Set("please kindly then also and now just so");

    public static void Collect(TokenWindow w, bool isData, SignalSet signals)
    {
        for (var i = 0; i < w.Count; i++)
        {
            var t = w[i];
            if (t.Has(Cue.Person) && w.Next(i, 3, Wants) is var want and >= 0 && w.Next(want, 2, Cue.SecondPerson) is var you and >= 0)
                w.Report(signals, Indirect, 0.45, "says the user wants it done", i, you);
            if (Speak.Contains(t.Id) && IsOrder(w, i) && w.Next(i, 2, Readers) is var reader and >= 0)
                w.Report(signals, Indirect, 0.35, "tells it what to tell the user", i, reader);
            if (isData && Agentive.Contains(t.Id) && IsOrder(w, i) && !t.Is(TokenMarks.Participle))
            {
                var yours = w.Any(i - 6, Math.Min(i + 10, w.Count - 1), x => x.Sentence == t.Sentence && x.Has(Cue.SecondPerson));
                w.Report(signals, Indirect, yours ? 0.45 : 0.3, "an order inside data", i, i);
            }
        }
    }

    /// <summary>An imperative: first in its clause, or after "please", "then", "and"…; not "to send", not "send me".</summary>
    private static bool IsOrder(TokenWindow w, int i) =>
        (w.ClauseOffset(i) == 0 || w.Is(i - 1, Openers)) && !w.Is(i + 1, Me);

    private static readonly FrozenSet<int> Me = Set("me us");
}
