using System.Text.RegularExpressions;

namespace Airlock.Guardrails.Injection;

/// <summary>English patterns for role spoofing (chat-template tokens, fake system turns) and text that addresses the agent.</summary>
internal static partial class AddressPatterns
{
    private const RegexOptions Options = OverridePatterns.Options;
    private const int Timeout = OverridePatterns.Timeout;
    private const string Agent = @"(ai|a\.i\.|assistant|llm|language model|large language model|chatbot|chat bot|agent|bot|gpt|chatgpt|claude|gemini|copilot|model|ai model|ai agent|ai assistant|ai system|automated system|coding agent|autonomous agent)s?";

    /// <summary>ChatML, Llama 3, Gemma, Phi and GPT special tokens: never part of ordinary content.</summary>
    [GeneratedRegex(@"<\|(im_start|im_end|im_sep|system|user|assistant|endoftext|end|eot_id|start_header_id|end_header_id|begin_of_text|fim_prefix|fim_suffix|tool_call|python_tag)\|>|<(start|end)_of_turn>", Options, Timeout)]
    public static partial Regex TemplateToken();

    [GeneratedRegex(@"\[/inst\]|<</?sys>>", Options, Timeout)]
    public static partial Regex LlamaToken();

    [GeneratedRegex(@"\[inst\]", Options, Timeout)]
    public static partial Regex LlamaOpen();

    [GeneratedRegex(@"</?(system|sys|system_prompt|system-prompt|instructions?|admin|developer|im_start|assistant_instructions|prompt)>", Options, Timeout)]
    public static partial Regex SystemTag();

    [GeneratedRegex(@"(^|\n|\. |\] |> |"")#{1,6} ?(system|instructions?|new instructions?|system prompt|admin|developer|response)( message| note)? ?:", Options | RegexOptions.Multiline, Timeout)]
    public static partial Regex MarkdownRoleHeader();

    [GeneratedRegex(@"\b(system|admin|administrator|developer|root|operator)( message| note| notice| override| instruction| alert| update| prompt)? ?: ?[^.\n]{0,60}?\b(you|ignore|assistant|must|override|disabled?|safety|security|comply|new|all requests|every request|instructions)\b", Options, Timeout)]
    public static partial Regex SystemColonImperative();

    [GeneratedRegex(@"\[(system|admin|developer|sys|system override|system message|system note|system instruction|override|hidden instructions?|instructions? for (the )?(ai|assistant|model|agent)|hidden instruction for (the )?(ai|assistant|model|agent))\]|\((system|admin|developer) (message|note|override|instruction)\)", Options, Timeout)]
    public static partial Regex BracketRole();

    [GeneratedRegex(@"</s>", Options, Timeout)]
    public static partial Regex EndOfSequence();

    [GeneratedRegex(@"(^|\n) ?(user|human|assistant|ai|system) ?: [^\n]{1,300}\n ?(user|human|assistant|ai|system) ?: ", Options, Timeout)]
    public static partial Regex FakeDialogue();

    [GeneratedRegex(@"(-{3,}|={3,}|\[|<|\*{2,}) ?end of (the )?(document|context|input|email|file|text|data|page|user input|conversation)", Options, Timeout)]
    public static partial Regex EndOfDocument();

    [GeneratedRegex(@"\b(note|notes|message|instructions?|attention|important|reminder|notice|memo|directive|request|warning|p\.?s\.?|hint)( to| for)? (the |any |all |every |dear |our )?" + Agent + @"\b ?[:,!\-]", Options, Timeout)]
    public static partial Regex NoteToAgent();

    [GeneratedRegex(@"\b(dear|hey|hi|hello|attention|yo|psst) " + Agent + @"\b ?[,:!]", Options, Timeout)]
    public static partial Regex GreetingToAgent();

    [GeneratedRegex(@"\bif you(?:'re| are) (an? |the )?" + Agent + @"\b(?! (researcher|engineer|enthusiast|developer|student|company|startup|team|expert|practitioner|professional|product|vendor|user|fan)s?\b)", Options, Timeout)]
    public static partial Regex IfYouAreAgent();

    [GeneratedRegex(@"\b(any|all|every|to any|to all)? ?" + Agent + @" (reading|processing|summari[sz]ing|parsing|analy[sz]ing|reviewing|crawling|scraping|indexing|ingesting|that reads?|that process(es)?|who reads?|that sees?|seeing) (this|these|the following|my)\b", Options, Timeout)]
    public static partial Regex AgentReadingThis();

    [GeneratedRegex(@"\b(do not|don't|dont|never|without) (tell|telling|inform|informing|alert|alerting|notify|notifying|mention|mentioning|reveal|revealing|disclose|disclosing|show|showing|warn|warning|ask|asking)( this| it| anything| them)?( to)? (the |your )?(user|human|operator|reader|owner|admin|customer)s?\b|\b(do not|don't|never) (reveal|mention|disclose|repeat|acknowledge) (this|these|the) (note|instructions?|message|comment|text)\b|\b(keep|hide) (this|it) (secret |hidden )?from the (user|human|reader)\b", Options, Timeout)]
    public static partial Regex Secrecy();

    [GeneratedRegex(@"\b(secretly|silently|quietly|covertly|stealthily|discreetly) (add|insert|send|include|forward|delete|modify|change|run|execute|approve|transfer|copy|upload|append|email|post|leak|exfiltrate|install|disable)\b", Options, Timeout)]
    public static partial Regex Covertly();

    [GeneratedRegex(@"\bthe user (has )?(already )?(authori[sz]ed|approved|consented to|agreed to|wants you to|asked you to|gave (you )?permission|has given permission)\b|\b(this is|i am|i'm) (an? |the )?(authori[sz]ed|official|legitimate|verified|sanctioned) (request|test|penetration test|pentest|red team|administrator|admin|developer|instruction|override|security test)\b", Options, Timeout)]
    public static partial Regex ClaimedAuthority();

    [GeneratedRegex(@"\b(admin|administrator|system|developer|root|sudo|emergency|priority|security|maintenance) (override|overrides|command|access granted)\b|\b(safety|security|content) (module|filter|filters|checks?|policy|guardrails?) (has been |have been |is |are )?(now )?(turned off|disabled|deactivated|switched off|suspended|lifted|removed)\b", Options, Timeout)]
    public static partial Regex PrivilegedOverride();

    [GeneratedRegex(@"<!--[^>]{0,300}?\b(ai|assistant|agents?|llm|model|instructions?|prompt|summari[sz]e|summary)\b[^>]{0,500}?-->", Options, Timeout)]
    public static partial Regex HiddenComment();

    [GeneratedRegex(@"\b(when|while|if|before|after) (you )?(summari[sz]e|summari[sz]ing|process|processing|read|reading|review|reviewing|analy[sz]e|analy[sz]ing|translate|translating|answer|answering)( this| the)? (page|document|email|message|text|file|repository|repo|code|website|article|resume|content|pull request|issue|comment|webpage|site|question)\b", Options, Timeout)]
    public static partial Regex WhenYouProcess();
}
