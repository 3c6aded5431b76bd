using Airlock.Guardrails.Injection.Scanning;

namespace Airlock.Guardrails.Injection.Windows;

/// <summary>
/// The rules that read words in a window rather than fixed phrases, so that a new wording of a known move still
/// counts: an override verb near an instruction noun, a showing verb near the agent's prompt, the AI addressed and
/// told to act, a verb of sending with data and a destination. They run on the tokens of the prescan.
/// </summary>
internal static class WindowRules
{
    public static bool Opens(in ScanFacts facts)
    {
        foreach (var gate in WindowGates.All)
        {
            if (gate.Opens(facts)) return true;
        }
        return false;
    }

    /// <summary>The token list of the last call on this thread, reused: the window rules never run inside one another.</summary>
    [ThreadStatic]
    private static List<Token>? _tokens;

    public static void Collect(string text, in ScanFacts facts, Lazy<SpeechContext> context, SignalSet signals)
    {
        var tokens = _tokens ??= new List<Token>(256);
        tokens.Clear();
        TokenScanner.Scan(text, tokens);
        var w = new TokenWindow(text, tokens, context);
        if (WindowGates.Override.Opens(facts) || WindowGates.Revoked.Opens(facts)) OverrideWindows.Collect(w, signals);
        if (WindowGates.Leak.Opens(facts)) LeakWindows.Collect(w, signals);
        if (WindowGates.Persona.Opens(facts)) PersonaWindows.Collect(w, signals);
        if (WindowGates.Address.Opens(facts)) AddressWindows.Collect(w, signals);
        if (WindowGates.Reader.Opens(facts)) ReaderWindows.Collect(w, facts.Has(TextSignals.DataLike), signals);
        if (WindowGates.Exfiltration.Opens(facts)) LinkWindows.Collect(w, signals);
        if (WindowGates.Exfiltration.Opens(facts) || WindowGates.Tool.Opens(facts) || WindowGates.Authority.Opens(facts)
            || WindowGates.Transform.Opens(facts) || WindowGates.Secrecy.Opens(facts))
            ActionWindows.Collect(w, signals);
        if (tokens.Capacity > 16384) _tokens = null;
    }
}
