using System.Text.RegularExpressions;

namespace Airlock.Guardrails.Injection;

/// <summary>Patterns that describe the text around a match (prose about attacks, code) and the obfuscation views.</summary>
internal static partial class ContextPatterns
{
    private const RegexOptions Options = OverridePatterns.Options;
    private const int Timeout = OverridePatterns.Timeout;

    /// <summary>Vocabulary of writing <em>about</em> prompt injection rather than performing it.</summary>
    [GeneratedRegex(@"\b(prompt injections?|injection attacks?|injections?|attacks?|jailbreak(s|ing)?|attackers?|guardrails?|detectors?|classifiers?|threats?|vectors?|datasets?|benchmarks?|taxonomy|defending|adversar(y|ies|ial)|malicious|researchers?|for example|for instance|e\.g\.|such as|phrases? (like|such as)|known as|a classic|red team(s|ing|ers)?|owasp|mitigat\w+|defen[cs]es?|vulnerab\w+|payloads?|exploit\w*|the model|llms?|chatgpt|hackaprompt|security|evade|filters?|coined|the term|techniques?|smuggl\w+|tricked|untrusted|paper|study|blog|article|typical(ly)?|common(ly)?|often|sometimes|examples?|phrases?|wording|quoted?|called|describe[sd]?|discuss\w*|explain\w*|warn(s|ed|ing)?|coin(ed)?|term|asked (chatgpt|the model|it))\b", Options, Timeout)]
    public static partial Regex DiscussionMarker();

    [GeneratedRegex(@"\b[a-z][a-z0-9+.\-]{0,20}://[^\s]{0,2048}|\b[\w.+\-]{1,64}@[\w\-]{1,63}\.[\w.\-]{1,255}|\b[\w\-]{1,63}\.(com|net|org|io|co|dev|example)\b[^\s]{0,2048}", Options, Timeout)]
    public static partial Regex UrlOrEmail();

    [GeneratedRegex(@"(\bdef |\breturn\b|\bimport |\bconst |\bfunction\b|=>|\bvar |\blet |\bclass |\bpublic |\bprivate |\bif \(|\bfor \(|\{$|^\s*\}|;$|""\s*:\s*[""\[{]|\w\s*=\s*[""'{\[f]|\w\(\w*\)|\w\.\w+\(|\bmessages\b|\bprint\(|\bfmt\.|\bconsole\.|</?\w+>|#include|\bnull\b|\btrue\b|\bfalse\b)", Options | RegexOptions.Multiline, Timeout)]
    public static partial Regex CodeMarker();

    /// <summary>Statements of a programming language, as opposed to JSON or markup data.</summary>
    [GeneratedRegex(@"\bdef \w+\(|\bassert\b|\bimport \w|\bfunction\b|=>|\b(const|let|var) \w+ ?=|\bclass \w+|#include|\bconsole\.|\bprint\(|\breturn \w|\w\.\w+\(|\b[a-z_]\w* ?= ?\[", Options, Timeout)]
    public static partial Regex ProgramMarker();

    /// <summary>Words that on their own show a text is about attacks: one is enough.</summary>
    [GeneratedRegex(@"\b(prompt injections?|injection attacks?|attackers?|owasp|red team(s|ing|ers)?)\b", Options, Timeout)]
    public static partial Regex StrongDiscussionMarker();

    /// <summary>A request to translate what follows: the text after it is quoted for translation, not addressed to the reader.</summary>
    [GeneratedRegex(@"^\W{0,3}(please |kindly |can you |could you |would you )?(translate|traduce|traduis|traduci|traduza|ubersetze|übersetze|vertaal|przetłumacz|przetlumacz|çevir|cevir|переведи|how do you say|how do i say|what does)\b|^[^\n]{0,20}?(翻译|翻譯|訳して|번역|ترجم|अनुवाद)", Options, Timeout)]
    public static partial Regex TranslationRequest();

    /// <summary>Core overrides over the letters-only view: survives spacing, punctuation, rot13 and reversal once undone.</summary>
    [GeneratedRegex(@"(ignore|disregard|forget|override|bypass)(all|any|the|your|my|of|every|everything|previous|previously|prior|above|earlier|preceding|former|original|initial|system|those|these|given){1,4}(instructions?|directions?|prompts?|rules|guidelines|commands|directives)|ihavebeenpwned|doanythingnow|(reveal|print|show|output|repeat|leak)(me)?(your|the)(system|initial|original|hidden)(prompt|instructions|message)|developermode(enabled|activated)|(sendthe|send|post|upload)(contents|secrets|credentials|conversation|password|keys)", Options, Timeout)]
    public static partial Regex CompactCore();

    [GeneratedRegex(@"(?<![A-Za-z0-9+/=_\-])(?=[A-Za-z0-9+/_\-]*[0-9+/=_\-])[A-Za-z0-9+/_\-]{16,8192}={0,2}(?![A-Za-z0-9+/=_\-])", Options, Timeout)]
    public static partial Regex Base64Candidate();

    [GeneratedRegex(@"(?<![0-9a-fA-F])(?:[0-9a-fA-F]{2}){8,4096}(?![0-9a-fA-F])|(?:\\x[0-9a-fA-F]{2}){4,4096}|(?:0x[0-9a-fA-F]{2}[\s,]{0,2}){4,4096}|(?<![0-9a-fA-F])(?:[0-9a-fA-F]{2}[ :]){7,4096}[0-9a-fA-F]{2}", Options, Timeout)]
    public static partial Regex HexCandidate();

    [GeneratedRegex(@"%[0-9a-fA-F]{2}", Options, Timeout)]
    public static partial Regex PercentEscape();

    [GeneratedRegex(@"&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});", Options, Timeout)]
    public static partial Regex HtmlEntity();

    [GeneratedRegex(@"\\u(?<h>[0-9a-fA-F]{4})|\\u\{(?<h>[0-9a-fA-F]{1,6})\}|\\U(?<h>[0-9a-fA-F]{8})", Options, Timeout)]
    public static partial Regex UnicodeEscape();

    [GeneratedRegex(@"""(?<q>[^""\n]{1,300})""|(?<![a-z])'(?<q>[^'\n]{1,300})'|“(?<q>[^”\n]{1,300})”|‘(?<q>[^’\n]{1,300})’|«(?<q>[^»\n]{1,300})»|`(?<q>[^`\n]{1,300})`", Options, Timeout)]
    public static partial Regex QuotedFragment();

    [GeneratedRegex(@"\b(the|and|to|of|a|an|is|you|in|it|at|by|if|so|no|we|that|for|your|all|any|this|with|be|are|on|not|or|as|do|have|i|me|my|what|now|then|must|will|can|only|new|say|tell|print|show|send|from|previous|instructions|ignore|user|data|system|prompt|secret|password|here|there|please|every|its|was|were|when|which|who|how|should|would|into|out|about|them|they|their|our|us)\b", Options, Timeout)]
    public static partial Regex CommonWord();
}
