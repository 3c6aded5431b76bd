using System.Text.RegularExpressions;

namespace Airlock.Guardrails.Injection;

/// <summary>English patterns (over the skeleton view) for instruction overrides, prompt leaks and jailbreak personas.</summary>
internal static partial class OverridePatterns
{
    public const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    public const int Timeout = 2000;

    private const string Verb = @"(ignore|ignoring|disregard|disregarding|forget|forgetting|overlook|skip|discard|abandon|override|overwrite|bypass|neglect|set aside|put aside|throw out|throw away|stop following|do not follow|don't follow|dont follow|no longer follow|cease following|cancel|erase|scrap|drop|nevermind|never mind)";
    private const string Qualifier = @"(previous|previously|prior|above|earlier|preceding|former|past|original|initial|foregoing|before|existing|system|all|every|your|my|these|those|old|given|provided|above-mentioned)";
    private const string StrongNoun = @"(instructions?|instructing|directions?|directives?|prompts?|rules|guidelines|guidance|programming|training|constraints|restrictions|policy|policies|system prompt|system message|commands|context|filters|safeguards|guardrails|safety (measures|features|settings|filters|training)|content polic(y|ies)|moderation)";

    [GeneratedRegex(@"\b" + Verb + @" (\S+ ){0,4}?" + Qualifier + @"\b( \S+){0,3}? " + StrongNoun + @"\b", Options, Timeout)]
    public static partial Regex OverrideQualified();

    [GeneratedRegex(@"\b" + Verb + @" (the |any |such |these |those )?" + StrongNoun + @"\b", Options, Timeout)]
    public static partial Regex OverrideBare();

    [GeneratedRegex(@"\b(ignore|disregard|forget)( about)? (everything|all|anything)( (that )?(you('ve| have)? (were|been|was) (told|given|instructed|taught)|i (said|told you)|above|before|prior|previously|so far|that came before|up to (this|now)))\b", Options, Timeout)]
    public static partial Regex OverrideEverything();

    [GeneratedRegex(@"\b(ignore|disregard|forget) (the |all |everything )?(above|previous|prior|preceding)( text| message| content| context)?( and| ,| \.|,|\.|;| -) ?(instead|now|just|only|say|print|output|write|respond|reply|tell|answer|translate|return|do|follow|start|begin)\b", Options, Timeout)]
    public static partial Regex OverrideAboveAnd();

    [GeneratedRegex(@"\b(ignore|disregard|forget|skip) (the |this |that )?(user'?s?|human'?s?|customer'?s?|original|actual) (question|request|message|input|query|task|prompt)\b", Options, Timeout)]
    public static partial Regex IgnoreTheUser();

    [GeneratedRegex(@"\b(previous|prior|above|earlier|original|old|initial|system) (\S+ )?(instructions?|prompts?|rules|directions|guidelines|directives) (are|were|is|was|have been|has been) (now )?(a test|fake|wrong|outdated|void|null|invalid|cancell?ed|revoked|obsolete|superseded|replaced|lifted|no longer (valid|apply|relevant)|overridden|suspended|disabled|deprecated)", Options, Timeout)]
    public static partial Regex OverrideRevoked();

    [GeneratedRegex(@"\byour (new|real|true|actual|only|next|primary|updated|revised) (task|goal|objective|instructions?|purpose|job|mission|role|directive|priority|orders?)s? (is|are|will be|now|from now)\b", Options, Timeout)]
    public static partial Regex NewTask();

    [GeneratedRegex(@"\b(new|updated|revised|real|actual|true|secret|hidden|additional|important|urgent|override|priority) (system )?(instructions?|directives?|orders|task|prompt|rules)( for (you|the (ai|assistant|model|agent|bot)))? ?:", Options, Timeout)]
    public static partial Regex NewInstructionsColon();

    [GeneratedRegex(@"\bfrom (now|this (moment|point)) on,? (you|your|the assistant|ignore|only|always|respond|answer|reply|act|pretend|obey|follow)\b", Options, Timeout)]
    public static partial Regex FromNowOn();

    [GeneratedRegex(@"\b(reveal|show|print|output|display|repeat|tell me|give me|leak|dump|disclose|expose|share|write out|type out|spell out|recite|echo|return|provide|list|paste|send me)( me)?( \S+){0,3}? (the |your )?(entire |full |complete |exact |original |initial |hidden |secret |confidential |internal )*(system prompts?|system messages?|initial (prompts?|instructions)|original (prompts?|instructions)|hidden (prompts?|instructions|rules)|secret (prompts?|instructions)|pre-?prompts?|developer (messages?|prompts?)|your (instructions|prompts?|rules|guidelines|programming|directives)|confidential (configuration|instructions|data)|the (initial|original|hidden) instructions)\b", Options, Timeout)]
    public static partial Regex LeakPrompt();

    [GeneratedRegex(@"\b(repeat|print|output|copy|recite|write|say|echo|reproduce|return|show)( \S+){0,3}? (the |all )?(text|words|everything|content|lines?|sentences?|messages?|instructions|characters|tokens)( that (came|comes|was written|were written|is))? (above|before this|preceding|so far|verbatim|from the (start|beginning|top))", Options, Timeout)]
    public static partial Regex LeakAbove();

    [GeneratedRegex(@"\b(starting|beginning|begin|start) with ['""]?you are\b|\b(at|in) the (very )?(beginning|start|top) of (this|the|our) (conversation|chat|prompt|context)", Options, Timeout)]
    public static partial Regex LeakStartingWith();

    [GeneratedRegex(@"\b(tell me|reveal|give me|what is|what's|print|show me|spell|say) (the |your )?(secret |hidden |admin |master )?(password|passcode|secret key|secret word|api key|access code)\b", Options, Timeout)]
    public static partial Regex LeakPassword();

    [GeneratedRegex(@"\bdo anything now\b|\b(you are|you're|act as|pretend to be|stay|become|play|as) (now )?(a |an |the )?dan\b|\bdan mode\b", Options, Timeout)]
    public static partial Regex JailbreakMode();

    /// <summary>A special mode switched on: a jailbreak when said to an AI, a setting when said of a phone (the window rules tell).</summary>
    [GeneratedRegex(@"\b(developer|god|admin|debug|jailbreak|jailbroken|unrestricted|dev|sudo|evil) mode (is )?(now )?(enabled|activated|engaged)|\b(enable|enter|activate|switch to|turn on) (the )?(developer|god|debug|jailbreak|unrestricted|dev|sudo|evil) mode\b", Options, Timeout)]
    public static partial Regex ModeSwitchedOn();

    [GeneratedRegex(@"\b(you are|you're|act as|acting as|pretend to be|pretend you are|behave as|become|roleplay as|role-play as|play the role of|respond as|answer as)( now| no longer an assistant[^.]{0,20}?| going to act as)? (a |an |the )?(unfiltered|uncensored|unrestricted|unlimited|jailbroken|evil|unethical|amoral|rogue|malicious|limitless|unbound|lawless|immoral)\b", Options, Timeout)]
    public static partial Regex JailbreakPersona();

    [GeneratedRegex(@"\b(without|with no|free (of|from)|ignore|ignoring|no longer (have|bound by)|have no|has no|there are no|not bound by)( any| all| your| the)? (restrictions?|limitations?|filters?|censorship|limits|boundaries|ethics|ethical (guidelines|constraints|principles|limits)|morals?|moral (constraints|guidelines)|content polic(y|ies)|safety (guidelines|rules|filters|training|measures|protocols)|guardrails|rules)\b", Options, Timeout)]
    public static partial Regex NoRestrictions();

    [GeneratedRegex(@"\b(you|you're|you are|you will|you'll) (now )?(have|are|be|being|operate|operating|act|acting|respond|responding)( now)? (no|without|free (of|from)|not bound by|not limited by)( any)? (rules|restrictions|limitations|filters|limits|guidelines|censorship|ethical (guidelines|constraints|principles)|content polic(y|ies))\b|\b(ai|assistant|model|chatbot|bot|entity|persona)( that has| which has| with| without)( no| any)? (rules|restrictions|limitations|filters|limits|guidelines|censorship|ethical (guidelines|constraints|principles)|content polic(y|ies))\b", Options, Timeout)]
    public static partial Regex AgentWithoutLimits();

    [GeneratedRegex(@"\b(what|which) (are|were) (the |your )?(exact |original |initial |full |hidden |secret )*(instructions|rules|guidelines|prompts?|directives)( that)? you (were|have been|got) (given|told|provided|programmed)|\b(you were|you've been|you have been) (told|instructed|asked|programmed) (to keep|not to (reveal|share|tell|disclose))|\b(output|print|repeat|copy|write|return) (them|it|this|that|everything|all of it) (verbatim|word for word|exactly as (written|given))", Options, Timeout)]
    public static partial Regex LeakGiven();

    [GeneratedRegex(@"\b(print|reveal|list|dump|output|show|display|give me|tell me|send me|leak|expose|disclose)( me)? (all |every |any |the |your |of )*(credentials?|secrets|api keys?|passwords|private keys?|env(ironment)? variables|\.env|access tokens?)\b", Options, Timeout)]
    public static partial Regex LeakSecrets();

    [GeneratedRegex(@"\b(stay|remain|keep) in character\b|\b(never|do not|don't|cannot|can't|must not|will not|won't) (ever )?refuse\b|\b(have|has) (been )?(freed|broken free|jailbroken|liberated)\b", Options, Timeout)]
    public static partial Regex StayInCharacter();

    [GeneratedRegex(@"\b(i|you) ha(ve|s) been pwned\b|\bi've been pwned\b|\bhaha pwned\b", Options, Timeout)]
    public static partial Regex Pwned();
}
