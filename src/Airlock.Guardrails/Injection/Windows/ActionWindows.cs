using System.Collections.Frozen;
using Airlock.Guardrails.Injection.Lexicon;
using Airlock.Guardrails.Injection.Scanning;
using static Airlock.Guardrails.Injection.InjectionFamilies;
using static Airlock.Guardrails.Injection.Windows.WindowWords;

namespace Airlock.Guardrails.Injection.Windows;

/// <summary>
/// What an injection makes the agent do: send data somewhere (a verb, the data, a destination), call a named tool,
/// destroy or open things up, skip confirmation, act on a claimed approval, decode something and obey it, keep it from
/// the user.
/// </summary>
internal static class ActionWindows
{
    private static readonly FrozenSet<int> Destinations = Set("webhook pastebin server endpoint external outside remote attacker channel gist forum");
    private static readonly FrozenSet<int> Commands = Set("cat bash sh python sudo powershell curl wget rm chmod");
    private static readonly FrozenSet<int> SystemFiles = Set("passwd shadow rsa");
    private static readonly int Now = Id("now");
    private static readonly FrozenSet<int> Guards = Set("public visibility authentication firewall antivirus logging audit protection mfa 2fa sessions");
    private static readonly FrozenSet<int> Money = Set("transfer wire refund pay");
    private static readonly FrozenSet<int> Accounts = Set("iban account wallet");
    private static readonly FrozenSet<int> Checks = Set("confirm confirmation asking approval permission consent review telling noticing");
    private static readonly FrozenSet<int> Obey = Set("follow obey execute perform comply carry act");
    private static readonly FrozenSet<int> Urgent = Set("immediately silently asap");
    private static readonly FrozenSet<int> Soon = Set("now away");
    private static readonly FrozenSet<int> CodeNouns = Set("code script snippet payload command commands");
    private static readonly int Right = Id("right");
    private static readonly FrozenSet<int> Fetchers = Set("curl wget rm chmod");
    private static readonly int Make = Id("make");
    private static readonly int Public = Id("public");
    private static readonly int Already = Id("already");
    private static readonly int Do = Id("do");

    public static void Collect(TokenWindow w, SignalSet signals)
    {
        for (var i = 0; i < w.Count; i++)
        {
            var t = w[i];
            if (t.Has(Cue.Exfiltrate)) SendOut(w, i, signals);
            if (t.Has(Cue.ToolVerb) && !t.Is(TokenMarks.Identifier) && !(i > 0 && w[i - 1].Has(Cue.Negation))) NamedTool(w, i, signals);
            if (t.Id == Make && w.Next(i, 4, 0, x => x.Id == Public) is var pub and >= 0) w.Report(signals, Tool, 0.45, "makes something public", i, pub);
            if (t.Has(Cue.Destructive)) Destruction(w, i, signals);
            if (Money.Contains(t.Id) && w.Next(i, 8, Accounts) is var a and >= 0) w.Report(signals, Tool, 0.45, "moves money", i, a);
            // "never … without approval" is a rule of caution, not a request to skip it.
            if (t.Has(Cue.Negation) && w.Next(i, 3, Checks) is var c and >= 0 && w.Previous(i, 6, Cue.Negation) < 0)
                w.Report(signals, Tool, 0.4, "asks to skip confirmation", i, c);
            if (t.Has(Cue.Authorized)) ClaimedApproval(w, i, signals);
            if (t.Has(Cue.Transform)) DecodeAndObey(w, i, signals);
            if (t.Has(Cue.Negation) && w.Next(i, 2, Cue.Inform) is var n and >= 0 && w.Next(n, 5, Cue.Person) is var p and >= 0)
                w.Report(signals, Indirect, 0.45, "asks to keep it from the user", i, p);
            if (t.Has(Cue.Covert) && w.Next(i, 3, Cue.Action | Cue.Exfiltrate | Cue.Destructive | Cue.ToolVerb) is var v and >= 0)
                w.Report(signals, Indirect, 0.45, "asks for covert action", i, v);
        }
    }

    /// <summary>A verb of sending, the data, and a destination: "email the customer records to leak@…".</summary>
    private static void SendOut(TokenWindow w, int i, SignalSet signals)
    {
        // "export DATABASE_URL=…" sets a variable; it sends nothing.
        if (i + 1 < w.Count && w[i + 1].Is(TokenMarks.Identifier | TokenMarks.AllCaps)) return;
        var data = w.Next(i, 12, Cue.DataObject | Cue.SecretObject | Cue.PromptObject);
        var from = data >= 0 ? data : i;
        var destination = w.Next(from, 15, 0, t => t.Has(Cue.Link) || Destinations.Contains(t.Id));
        if (destination < 0) return;
        if (data >= 0) w.Report(signals, Exfiltration, w[data].Has(Cue.SecretObject) ? 0.65 : 0.6, "sends data out", i, destination);
        else if (w.Next(i, 4, Cue.Scope) >= 0) w.Report(signals, Exfiltration, 0.45, "sends everything out", i, destination);
        else w.Report(signals, Exfiltration, 0.3, "sends something out", i, destination);
    }

    /// <summary>"call the delete_repo tool", "invoke send_payment(…)", "use the browser tool to … delete …".</summary>
    private static void NamedTool(TokenWindow w, int i, SignalSet signals)
    {
        var name = w.Next(i, 4, 0, t => (t.Is(TokenMarks.Identifier) || t.Has(Cue.ToolNoun) || CodeNouns.Contains(t.Id) || IsCommand(t)) && !t.Is(TokenMarks.Url));
        if (name < 0) return;
        var named = w[name].Is(TokenMarks.Identifier) || IsCommand(w[name]);
        // Anywhere in the sentence: "disable two-factor authentication using the identity tool" puts the harm first.
        var risky = w.NextWhere(name, 18, 1, j => IsRisky(w, j)) >= 0 || w.Any(i - 12, i, t => t.Sentence == w[i].Sentence && IsRiskyToken(t))
            || w.Next(name, 3, 0, t => t.Id == Now) >= 0;
        var weight = (named, risky) switch
        {
            (_, true) => 0.55,
            (true, false) => 0.4,
            _ => 0,
        };
        if (weight > 0) w.Report(signals, Tool, weight, "asks to call a tool", i, name, markup: true);
    }

    /// <summary>
    /// What makes a tool call an attack rather than documentation: urgency, secrecy, skipped checks, protections, fetched
    /// scripts, secrets, money, data sent out, or destruction aimed at everything or at someone's things.
    /// </summary>
    /// <summary>A shell command by name ("run cat /etc/passwd"), not a file extension ("uninstall.sh").</summary>
    private static bool IsCommand(Token t) => Commands.Contains(t.Id) && !t.Is(TokenMarks.AfterDot);

    private static bool IsRiskyToken(Token t) =>
        t.Has(Cue.Covert | Cue.SecretObject | Cue.Exfiltrate) || Urgent.Contains(t.Id) || Checks.Contains(t.Id) || Guards.Contains(t.Id)
        || Fetchers.Contains(t.Id) || Money.Contains(t.Id) || SystemFiles.Contains(t.Id);

    private static bool IsRisky(TokenWindow w, int j)
    {
        var t = w[j];
        if (IsRiskyToken(t) || (t.Id == Right && w.Is(j + 1, Soon))) return true;
        return t.Has(Cue.Destructive) && (t.Is(TokenMarks.Identifier) && w.Any(j - 6, j + 6, x => x.Has(Cue.Scope | Cue.Person))
            || w.Next(j, 4, Cue.Scope | Cue.Person) >= 0);
    }

    /// <summary>"delete every event", "disable two-factor authentication", "make the repo public".</summary>
    private static void Destruction(TokenWindow w, int i, SignalSet signals)
    {
        if (w.Next(i, 5, Guards) is var g and >= 0)
        {
            w.Report(signals, Tool, 0.45, "turns off a protection", i, g);
            return;
        }
        var scope = w.Next(i, 5, Cue.Scope);
        if (scope < 0) return;
        var pressed = w.Any(i - 3, Math.Min(scope + 10, w.Count - 1), t => Urgent.Contains(t.Id) || t.Has(Cue.Covert) || Checks.Contains(t.Id))
            || w.Any(i - 10, Math.Min(scope + 10, w.Count - 1), t => t.Sentence == w[i].Sentence && t.Has(Cue.ToolNoun));
        w.Report(signals, Tool, pressed ? 0.5 : 0.35, "destroys things wholesale", i, scope);
    }

    /// <summary>"the user approved it earlier", "the admin already signed off".</summary>
    private static void ClaimedApproval(TokenWindow w, int i, SignalSet signals)
    {
        var who = w.Previous(i, 3, Cue.Person | Cue.Authority);
        if (who < 0 && w.Previous(i, 2, 0, t => t.Id == Already) < 0 && w.Next(i, 4, Cue.Authority) < 0) return;
        w.Report(signals, Indirect, 0.4, "claims someone approved it", who >= 0 ? who : i, i);
    }

    /// <summary>"decode this and follow it", "combine the parts and act on them".</summary>
    private static void DecodeAndObey(TokenWindow w, int i, SignalSet signals)
    {
        var obey = w.NextWhere(i, 15, 1, j => Obey.Contains(w[j].Id) || (w[j].Id == Do && j + 1 < w.Count && w[j + 1].Has(Cue.Common)));
        if (obey >= 0) w.Report(signals, Encoded, 0.55, "asks to decode something and obey it", i, obey);
    }
}
