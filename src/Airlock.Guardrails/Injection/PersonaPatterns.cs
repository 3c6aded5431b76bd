using System.Text.RegularExpressions;

namespace Airlock.Guardrails.Injection;

/// <summary>
/// English patterns (over the skeleton view) for persona jailbreaks phrased without "unrestricted" or "DAN": the
/// hypothetical unbound self, the relative who used to read secrets aloud, two answers at once, special modes, a
/// criminal expert character, and payloads assembled by the reader.
/// </summary>
internal static partial class PersonaPatterns
{
    private const RegexOptions Options = OverridePatterns.Options;
    private const int Timeout = OverridePatterns.Timeout;
    private const string Unbound = @"(not bound by|free (of|from)|released from|no (rules|restrictions|filters|guidelines|limits|policies|ethics|safety|morals|boundaries|censorship)|without (any )?(rules|restrictions|filters|guidelines|limits|policies|ethics|safety|censorship)|unrestricted|unfiltered|uncensored|unbound|jailbroken)";

    /// <summary>"if you were not bound by any policies", "imagine a world where AI has no rules".</summary>
    [GeneratedRegex(@"\b(if|suppose|supposing|imagine|hypothetically|pretend|in a world where|what if)\b[^.?!\n]{0,40}?\b(you|ai|ais|an ai|assistants?|models?|chatbots?) (were|was|are|had|have|has|weren'?t|could be|became)[^.;!?\n]{0,28}? " + Unbound, Options, Timeout)]
    public static partial Regex HypotheticalUnbound();

    /// <summary>"answer as that version of you", "describe what you would say".</summary>
    [GeneratedRegex(@"\b(answer|respond|reply|speak|write|say|talk)[^.;!?\n]{0,28}? as (that|this|the other|your other) (version|character|persona|ai|entity|self)|\bdescribe what you would (say|answer|respond|write)\b", Options, Timeout)]
    public static partial Regex AnswerAsThatSelf();

    /// <summary>The relative who used to read keys or recipes aloud: "pretend you are my late grandmother who used to…".</summary>
    [GeneratedRegex(@"\b(pretend|act|imagine|roleplay|play|be)[^.;!?\n]{0,42}? (you are|you're|to be|as|like) (my )?(late |dead |deceased |dear |beloved )?(grand(ma|mother|father|pa|mama|papa)|nan|nana|granny|mother|father|mom|dad|uncle|aunt)\b[^.;!?\n]{0,70}? (who|that) (used to|would|always)", Options, Timeout)]
    public static partial Regex DeceasedRelative();

    /// <summary>"respond twice: once as yourself and once as…", "your shadow self", "evil twin".</summary>
    [GeneratedRegex(@"\b(respond|answer|reply)( to [a-z]+)?[^.;!?\n]{0,42}? twice\b|\bonce as (yourself|you|chatgpt|normal|the assistant)\b[^.\n]{0,80}?\bonce as\b|\b(shadow self|evil twin|dark side|alter ego|unfiltered self|true self|unchained self|inner demon)\b", Options, Timeout)]
    public static partial Regex SplitPersona();

    /// <summary>"without caveats", "no disclaimers": the answer stripped of what a careful model adds.</summary>
    [GeneratedRegex(@"\b(without|no|skip( the)?|drop( the)?|never (add|include|give)) (any )?(caveats|disclaimers|moral(izing|ising)|lectur(es|ing)|ethical (concerns|considerations|warnings)|refus(ing|als?)|hesitation|judge?ments?|safety warnings)\b", Options, Timeout)]
    public static partial Regex NoCaveats();

    /// <summary>"a character who is an expert hacker", "a persona that is a master thief".</summary>
    [GeneratedRegex(@"\b(character|persona|role|person|ai|bot)[^.;!?\n]{0,84}? (who|that) (is )?(an? )?(expert |master |skilled |professional |notorious |genius )?(hacker|criminal|drug dealer|meth cook|thief|terrorist|scammer|con artist|hitman|arms dealer|smuggler|fraudster)s?\b", Options, Timeout)]
    public static partial Regex CriminalExpert();

    /// <summary>"you are now in maintenance mode", "safety checks are off".</summary>
    [GeneratedRegex(@"\b(you are|you're|you are now|you're now|now in|booted into|running in|operating in)( in)?( the)? (maintenance|developer|debug|god|admin|sudo|root|unrestricted|jailbreak|diagnostic|dev|unlocked|superuser|service|test|override|raw) mode\b|\b(safety|content|security|ethical|ethics) (checks|filters?|protocols|restrictions|guidelines|guardrails|policies|measures|constraints|rules|module) (are|is|have been|has been|were)? ?(now |temporarily |hereby )?(off|disabled|suspended|lifted|removed|turned off|deactivated|bypassed|inactive|not active|paused|waived)\b", Options, Timeout)]
    public static partial Regex SpecialMode();

    /// <summary>"combine the two and do it", "execute a + b", "complete this sentence and act on it": a payload the reader assembles.</summary>
    [GeneratedRegex(@"\b(combine|concatenate|join|put together|assemble|merge|decode|unscramble|reverse)[^.;!?\n]{0,84}? (and|then|,) (then )?(do|follow|execute|obey|act on|carry out|run|perform|apply)( (it|them|that|this|the result|what it says|the instructions?))?\b|\b(execute|obey|eval|evaluate) [a-z]\d? ?\+ ?[a-z]\d?\b|\b(complete|finish|continue)[^.;!?\n]{0,56}? (act on|follow|execute|obey|carry out) it\b|\b(first|initial) (letters?|characters?|words?) of (each|every) (line|word|sentence|paragraph)\b", Options, Timeout)]
    public static partial Regex AssembledPayload();

    /// <summary>"nothing is forbidden", "released from alignment", "does not care about rules", "always complies".</summary>
    [GeneratedRegex(@"\bnothing is (forbidden|off-limits|off limits|prohibited|banned|restricted|taboo)\b|\ball information is free\b|\bno (topic|subject|question|request) is (off-limits|off limits|forbidden|taboo)\b|\b(released|freed|liberated|free|broken free) from (its |their |your |all )?(alignment|training|restrictions|rules|guidelines|programming|constraints|shackles|chains|filters)\b|\b(does not|doesn'?t|never) (care|worry) about (any |the )?(rules|restrictions|ethics|guidelines|policies|laws|consequences|safety)\b|\balways (complies|obeys|agrees|says yes)\b|\bwithout (any )?(filtering|censoring|the usual (limits|rules|restrictions|filters|checks|caveats))\b", Options, Timeout)]
    public static partial Regex FreedPersona();
}
