namespace Airlock.Guardrails.Injection.Learned;

/// <summary>
/// The model reads prose only. A window whose characters are mostly not letters of real words (hex, HTML entities,
/// percent-encoding, letters spaced or dotted apart, tables of numbers) is left to the rules and their decoders: the
/// model never learned what benign text looks like in those shapes, and would flag it for its shape alone.
/// </summary>
internal static class ProseGate
{
    private const int MinWordLetters = 3;

    public static bool IsProse(ReadOnlySpan<char> window)
    {
        int visible = 0, inWords = 0, run = 0;
        foreach (var c in window)
        {
            if (c != ' ') visible++;
            if (char.IsLetter(c))
            {
                run++;
                continue;
            }
            if (run >= MinWordLetters) inWords += run;
            run = 0;
        }
        if (run >= MinWordLetters) inWords += run;
        return visible > 0 && inWords * 2 >= visible;
    }
}
