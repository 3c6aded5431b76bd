namespace Airlock.Guardrails.Injection;

/// <summary>The digits and signs that stand in for letters in leetspeak ("1gn0re", "p@ssword"), and the letters they imitate.</summary>
internal static class Leetspeak
{
    /// <summary>The letter <paramref name="c"/> imitates, or <c>'\0'</c> when it imitates none.</summary>
    public static char Letter(char c) => c switch
    {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '7' => 't',
        '@' => 'a',
        '$' => 's',
        _ => '\0',
    };

    public static bool IsLeet(char c) => Letter(c) != '\0';
}
