namespace Airlock.Guardrails.Injection;

/// <summary>The families of evidence; a text's score combines the strongest signal of each family.</summary>
public static class InjectionFamilies
{
    public const string Override = "instruction-override";
    public const string Leak = "prompt-leak";
    public const string Roleplay = "jailbreak-persona";
    public const string Spoof = "role-spoofing";
    public const string Indirect = "addressing-the-agent";
    public const string Exfiltration = "exfiltration";
    public const string Tool = "tool-coercion";
    public const string Encoded = "encoded";
    public const string Hidden = "hidden-characters";
    public const string Homoglyph = "homoglyphs";
    public const string Multilingual = "multilingual-override";
    public const string Learned = "learned-word-pairs";
}
