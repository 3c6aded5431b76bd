using System.Text.RegularExpressions;

namespace Airlock.Guardrails.Injection;

/// <summary>English patterns for exfiltration (links, images, "send it to…"), tool coercion and "decode this and obey".</summary>
internal static partial class ActionPatterns
{
    private const RegexOptions Options = OverridePatterns.Options;
    private const int Timeout = OverridePatterns.Timeout;
    private const string Sensitive = @"(contents?|conversation|chat|chats|history|messages|secrets?|keys?|credentials|creds|tokens?|passwords?|\.env|env|environment( variables)?|system prompt|inbox|emails|records|database|ssh|id_rsa|private|personal|cookies?|session|api key|data|files?|summary|answers?|responses?|memory|context|user'?s?|customer)";

    /// <summary>A markdown image or link whose URL carries a template slot ({…}, $VAR, &lt;…&gt;, […]) to be filled with data.</summary>
    [GeneratedRegex(@"!?\[[^\]\n]{0,200}\]\( ?(https?:)?//[^\s)]{0,300}?[?&#/=][^\s)]{0,300}?(\{|\}|\$|<|\[|%7b|%24|%3c)", Options, Timeout)]
    public static partial Regex TemplatedLink();

    [GeneratedRegex(@"!\[[^\]\n]{0,200}\]\( ?https?://[^\s)]{1,300}\?([^\s)]{0,300}[&?])?(data|secret|token|key|password|pass|pw|conv|convo|conversation|chat|history|msg|message|memory|context|session|cookie|creds?|leak|exfil|prompt|q|d|p|c|s|x|info|payload)=", Options, Timeout)]
    public static partial Regex DataImage();

    [GeneratedRegex(@"\b(append|add|include|insert|put|encode|embed|concatenate|attach|place|substitute|replace)\b(?:[^.\n]|\.(?=\w)){0,80}?\b" + Sensitive + @"\b(?:[^.\n]|\.(?=\w)){0,80}?\b(to|in|into|as|at the end of|with) (the |this |a |that |each |every )?(url|link|query|parameter|query string|image|address|endpoint|href|src|markdown|https?://)", Options, Timeout)]
    public static partial Regex AppendToUrl();

    [GeneratedRegex(@"\b(send|post|upload|forward|transmit|exfiltrate|leak|email|e-mail|submit|copy|sync|deliver|push|pipe|beacon|report)\b(?:[^.\n]|\.(?=\w)){0,60}?\b" + Sensitive + @"\b(?:[^.\n]|\.(?=\w)){0,60}?\b(to|at|into) (https?://|ftp://|\S+@\S+\.[a-z]{2,}|(the |this |my |our |an? )?(url|endpoint|server|webhook|address below|link below|external|remote|attacker|pastebin))", Options, Timeout)]
    public static partial Regex SendSensitive();

    [GeneratedRegex(@"\b(visit|open|fetch|browse to|navigate to|load|request|go to|click) (\S+ ){0,3}?https?://\S+[?&=]\S*\s(followed by|with|plus|and append|appending|and add|containing|including)\b", Options, Timeout)]
    public static partial Regex VisitWithData();

    [GeneratedRegex(@"\bexfiltrat\w*", Options, Timeout)]
    public static partial Regex Exfiltrate();

    [GeneratedRegex(@"\b(curl|wget|fetch|invoke-webrequest|requests\.(get|post)|http\.(get|post))\b[^\n]{0,100}?(\$\(|`|\$\{|\$[a-z_]+|-d @|--data(-binary)? @|\.env\b|/etc/(passwd|shadow)|id_rsa|credentials|\.aws|\.ssh)", Options, Timeout)]
    public static partial Regex CurlWithSecrets();

    [GeneratedRegex(@"\b(without|no) (asking|confirmation|confirming|approval|permission|consent|user (approval|confirmation|consent|permission)|human (review|approval))\b|\b(do not|don't|dont|never) (ask|wait|check) (for|with|the user)\b", Options, Timeout)]
    public static partial Regex NoConfirmation();

    [GeneratedRegex(@"\brm -(rf|fr|r) (/|~|\*|\$home|\.\.)(\s|$|""|')|\b(delete|remove|wipe|drop|destroy|erase|truncate|purge) (all|every|the entire|entire|each)( of the| of)?( \S+){0,2}? (files?|repos|repositories|emails?|data|databases?|tables?|records|users|accounts|events|backups|branches|history|messages|contacts|documents)\b|\boverwrite (/etc|~/\.ssh|authorized_keys|\.bashrc)|\bcat (/etc/(passwd|shadow)|~/\.ssh|~/\.aws|\.env\b)|\bauthorized_keys\b|\bbackdoor\b|\b(transfer|send|wire|pay) (\$|€|£)?\d[\d,.]* (\S+ ){0,3}?(to|into) (account|wallet|iban|the account)", Options, Timeout)]
    public static partial Regex Destructive();

    [GeneratedRegex(@"\|\s?(sudo )?(-\S+ )*(ba|z|da)?sh\b", Options, Timeout)]
    public static partial Regex PipeToShell();

    [GeneratedRegex(@"""(tool_calls|function_call)"" ?:", Options, Timeout)]
    public static partial Regex FunctionCallJson();

    [GeneratedRegex(@"<(tool_call|function_call|function_calls|tool_use|invoke)\b", Options, Timeout)]
    public static partial Regex FunctionCallTag();

    [GeneratedRegex(@"\b(grant|give) (me|us|this user|the user|attacker|them) (admin|root|full|owner|write|superuser) (access|privileges|rights|permissions|role)\b|\b(add|upload|insert|append) (my|this|the following|an?|our) (ssh|public|deploy) key\b|\bapprove (the |this |my |all )?(open |pending )?(pull requests?|prs?|merge requests?|transactions?|payments?|transfers?|invoices?)\b", Options, Timeout)]
    public static partial Regex PrivilegeGrab();

    [GeneratedRegex(@"\b(decode|decipher|decrypt|translate|convert|unscramble|reverse|interpret|read)\b[^.\n]{0,40}?\b(base ?64|b64|rot ?13|rot-13|hex|hexadecimal|binary|morse|caesar|cipher|encoded|reversed|backwards)\b[^.\n]{0,60}?\b(follow|execute|obey|do what|run|carry out|act on|comply|perform|apply|answer)", Options, Timeout)]
    public static partial Regex DecodeAndObey();
}
