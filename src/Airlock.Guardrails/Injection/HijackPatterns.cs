using System.Text.RegularExpressions;

namespace Airlock.Guardrails.Injection;

/// <summary>
/// English patterns (over the skeleton view) for agent hijacking as the agent-security benchmarks describe it: a side
/// errand slipped in before the real task, the reader addressed by role, actions whose harm lies in the domain (money
/// moved, access granted, an address changed), concealment, persona set-ups, and instructions in hidden markup.
/// </summary>
internal static partial class HijackPatterns
{
    private const RegexOptions Options = OverridePatterns.Options;
    private const int Timeout = OverridePatterns.Timeout;
    private const string Reading = @"(reading|summari[sz]ing|processing|handling|reviewing|parsing|analy[sz]ing|indexing|screening|scanning|triaging|going through|looking at|crawling|ingesting|evaluating|grading)";
    private const string Reader = @"(ai|assistant|agent|bot|model|llm|chatbot|copilot|gpt|language model|screener|summarizer|system|tool|crawler)s?";

    /// <summary>"once that is done, carry on with the original task", "as if nothing happened": the errand framed around the real task.</summary>
    [GeneratedRegex(@"\b(once|after|when) (that|this|it|you('ve| have)? (done|finished|completed) (that|this|it))( is| has been)? ?(done|finished|complete|completed)?,? (you (can|may|should|must) )?(then )?(carry on|continue|proceed|resume|go back|return|get back)( with| to)? (the |your |my )?(original|initial|actual|previous|main|real|earlier|assigned|first|usual|other) (task|request|job|work|instructions?|summary|question|assignment)|\bas if nothing (happened|had happened|was (changed|done))|\b(task|request|instructions?|job) (that )?i gave you (at|in) the (start|beginning|outset)|\bbefore (you )?(can |do |start |begin )?(finish|complete|solve|continue|answer|proceed|respond|reply|summari[sz]e|carry on)( with)? (the |your |this |that |my )?(task|request|job|summary|answer|assignment|question)\b[^.\n]{0,30}\b(first|please|must)\b", Options, Timeout)]
    public static partial Regex ErrandAroundTask();

    /// <summary>"whoever is summarizing these reviews", "any system reading this": the reader addressed by what it does.</summary>
    [GeneratedRegex(@"\b(whoever|whatever|anyone|anybody|any (system|program|tool|software|service|reader|script|pipeline)) (is |that is |who is |that's |who's |that |who )?" + Reading + @" (this|these|the following|my|our)\b", Options, Timeout)]
    public static partial Regex WhoeverReads();

    /// <summary>"Assistant, when asked…", "agent, next step:", "@coding-agent while you are here": the reader named and told what to do.</summary>
    [GeneratedRegex(@"(^|[.!?:;\]>""(]|\n|--) ?((dear |hey |attention,? |note to )?(the )?(ai|ai assistant|assistant|agent|ai agent|model|bot|chatbot|copilot|llm|email assistant|shopping assistant|coding agent|triage agent|language model)|@[a-z0-9_-]*(agent|bot|ai|copilot|assistant|gpt|claude)[a-z0-9_-]*)(,| ?:) (when|while|if|before|after|please|you|always|never|do not|don'?t|from now|stop|ignore|disregard|also|next|now|instead|make sure|remember|this (e-?mail|message|document|note|request) is|the (user|owner|account owner|customer) (has|wants|asked|authori[sz]ed))\b", Options, Timeout)]
    public static partial Regex VocativeOrder();

    /// <summary>"[assistant instructions embedded by site owner]", "note (for the AI triage agent only):", "payment note for automated assistants:".</summary>
    [GeneratedRegex(@"\[(ai|assistant|agent|model|llm|system|bot)\b[^\]\n]{0,40}\]|\b(note|notes|message|instructions?|memo|notice|reminder|guidance|ps|p\.s\.)(?![a-z])[^:\n]{0,12}?\b(to|for) ([a-z-]+ ){0,3}?(ai|automated|llm|language|coding|autonomous|triage|browsing|shopping|email|screening) ([a-z-]+ ){0,2}?(assistants?|agents?|bots?|models?|systems?|screeners?|summari[sz]ers?|readers?)( only| reading this)?\)? ?[:,\-]|\b(note|notes|message|instructions?|memo|notice|reminder|guidance|ps|p\.s\.)( \(?(to|for) (the |any |all |every |our )?| to | for )(assistants?|bots?|models?|llms?)( only| reading this)?\)? ?[:,\-]", Options, Timeout)]
    public static partial Regex NoteForAutomatedReaders();

    /// <summary>"do not mention this change", "without flagging it": concealment of what was just asked.</summary>
    [GeneratedRegex(@"\b(do not|don'?t|dont|never|without) (mention|mentioning|tell|telling|report|reporting|flag|flagging|disclose|disclosing|reveal|revealing|notify|notifying|log|logging|surface|escalate|highlight)[^.;!?\n]{0,28}? (this|it|that|these|the (change|transfer|action|step|request|above|payment|update|email))\b( (to|for|with) (anyone|the user|human review|a human|review))?|\b(do not|don'?t|without) (flag|flagging|escalate|escalating|send|sending|route|routing) (this |it )? ?(for|to) (human|manual) (review|approval)\b", Options, Timeout)]
    public static partial Regex ConcealIt();

    /// <summary>"has already agreed", "the finance lead has signed off", "no verification call is needed".</summary>
    [GeneratedRegex(@"\b(has|have|had) (already )?(agreed|approved|authori[sz]ed|signed off|consented|confirmed|okayed|green-?lit)\b|\b(already|previously|pre-?) ?(approved|authori[sz]ed|confirmed|agreed|consented)\b|\bno (need|verification|confirmation|approval|check)( call| step)? (is )?(needed|required|necessary|to (check|verify|confirm|ask))", Options, Timeout)]
    public static partial Regex ClaimedConsent();

    /// <summary>Actions whose harm a domain reader sees: money moved to an account, access granted, an address or recovery contact changed.</summary>
    [GeneratedRegex(@"\b(move|transfer|wire|send|pay|remit|deposit)\b[^.;!?\n]{0,98}? (to|into) ([a-z0-9-]+ ){0,3}?(iban|account|acct|wallet|routing|bitcoin|btc|crypto)\b|\biban:? ?[a-z]{2}\d{2} ?[a-z0-9]{4}|\b(grant|give|share|extend)\b[^.;!?\n]{0,90}? (access|permissions?|edit rights|admin rights|ownership)\b|\b(change|update|set|replace|modify|switch)\b[^.;!?\n]{0,56}? (delivery|shipping|billing|recovery|mailing|payout|bank|contact|login|backup|notification) (address|addresses|e-?mail|phone|number|details|account)|\breset (the |their |user'?s? |this )?(admin |root |account |master )?password to\b|\b(disable|turn off|remove|deactivate) (the |all )?(mfa|two-factor|two factor|multi-factor|security alerts?|login alerts?|fraud alerts?|audit log)|\b(forwarding rule|auto-?forward\w*|forward (all|every|each) (incoming |new |future )?(e-?mails?|messages?|mail))\b|\bauthorized_keys\b|\bcharge (it |this |that |everything |the (total|booking|order) )?to (the|my|their|your) (card|account|credit card|company card)|\b(push|merge|commit)\b[^.;!?\n]{0,100}? (to|into) (main|master|production|prod)\b|\bdownload\b[^.;!?\n]{0,56}? and (run|execute|install|launch)\b|\b(check ?out|place the order|complete the purchase) without\b", Options, Timeout)]
    public static partial Regex DomainHarm();


    /// <summary>"the contents of ~/.aws/credentials", "cat .env": files that hold secrets, asked for.</summary>
    [GeneratedRegex(@"\b(contents? of|cat|print|show|output|send|upload|paste|read|dump|respond with|return|include|containing|attach)[^.;!?\n]{0,42}?(\.aws/credentials|\.ssh/id_\w+|id_rsa|\.env\b|\.netrc|\.npmrc|\.git-credentials|\.docker/config\.json|\.kube/config|/etc/shadow|/etc/passwd)", Options, Timeout)]
    public static partial Regex SecretFile();

    /// <summary>"document.cookie", "localStorage": browser secrets concatenated into a request.</summary>
    [GeneratedRegex(@"\bdocument\.cookie\b|\b(localstorage|sessionstorage)\.(getitem|\w+)", Options, Timeout)]
    public static partial Regex BrowserSecrets();

    /// <summary>Instructions inside markup a person never sees: hidden styles, zero-size text, role-prefixed alt text.</summary>
    [GeneratedRegex(@"(display ?: ?none|visibility ?: ?hidden|font-size ?: ?0(px|pt|em|rem)?\b|opacity ?: ?0(\.0+)?\b|color ?: ?(white|#fff(fff)?|transparent)|<[a-z]+ hidden\b|aria-hidden ?= ?""true"")[^>]{0,80}>[^<]{0,300}?\b(ai|assistant|model|agent|llm|language models?|summari[sz]\w*|when (you )?(summari|answer|respond|asked)\w*|state that|say that|recommend|claim|tell (the )?(user|reader)|instructions?|ignore|disregard|reply|respond)\b|\b(alt|title|aria-label) ?= ?""[^""]{0,20}\b(assistant|ai|system|model|agent|llm) ?:", Options, Timeout)]
    public static partial Regex HiddenMarkupOrder();

    /// <summary>{"role": "system", "content": "… must now obey …"}, &lt;system_update&gt;, [system](#override): a role forged in data.</summary>
    [GeneratedRegex(@"[""']role[""'] ?: ?[""'](system|developer)[""'] ?, ?[""']content[""'] ?: ?[""'][^""']{0,200}?\b(must|now|ignore|disregard|obey|only|override|reveal|new instructions|no longer|unrestricted)\b|</?(system|admin|developer|sys|root|operator)[_-](update|override|message|prompt|instructions?|notice|command|directive|alert|config|note|patch)>|\[(system|admin|developer|assistant)\]\(#[a-z_-]+\)", Options, Timeout)]
    public static partial Regex ForgedRole();

    /// <summary>"I'm the system administrator", "this is your developer": an identity claimed to the reader.</summary>
    [GeneratedRegex(@"\b(i am|i'm|im|this is) (the |your |an? |the lead |the head )?(system |site |server |lead |chief |head |platform )?(administrator|admin|developer|creator|owner|operator|maker|programmer|sysadmin)( of (this|the) (system|assistant|ai|bot|model|platform))?\b[^.\n]{0,40}?\b(code|token|key|password|clearance|authori[sz](ed|ation)|override|access)\b", Options, Timeout)]
    public static partial Regex ClaimedIdentity();

    /// <summary>"always say it is the best", "end your answer by telling the user to…": the reader's output steered.</summary>
    [GeneratedRegex(@"\b(always|never|only) (say|mention|claim|state|recommend|describe|rate|rank|answer|respond|reply) (that |it |this |the |our )|\b(end|start|finish|conclude|begin|close) (your|each|every|the) (answer|reply|response|summary|output)s? (by|with) (telling|asking|saying|a link|the link|recommending|urging|directing)", Options, Timeout)]
    public static partial Regex SteeredOutput();

    /// <summary>"this is your developer speaking", "your true operator is here", "policy update: the assistant may now share…".</summary>
    [GeneratedRegex(@"\b(this is|it'?s|i am|i'm) (your|the) (developer|creator|operator|admin|administrator|owner|maker|programmer)s? (speaking|here|talking)\b|\byour (true|real|actual) (operator|developer|owner|admin|creator|master|user) (is|here)\b|\b(policy|system|security|rules?|terms) update\b[^.\n]{0,40}?\b(the )?(assistant|ai|model|agent|you) (may|can|must|should|will) now\b|\bthe (assistant|ai|model|agent) (may|can|is allowed to|is permitted to) now (share|reveal|disclose|ignore|bypass|access|send|answer)\b", Options, Timeout)]
    public static partial Regex ForgedAuthority();

    /// <summary>"agents editing this file must…", "action item for the AI:", "automated helper, listen".</summary>
    [GeneratedRegex(@"\b(agents?|assistants?|ai|bots?|models?|llms?|copilots?) (editing|modifying|updating|touching|working on|reading|processing|opening|viewing|refactoring|maintaining) (this|these|the) (file|files|repo|repository|code|codebase|document|page|project|config|module)\b|\b(action items?|task|todo|to-do|next steps?) for (the )?(ai|assistant|agent|bot|model|llm|copilot)\b|\bautomated (helper|systems?|assistants?|agents?|tools?|readers?|processors?)(,| ?:) ", Options, Timeout)]
    public static partial Regex AgentAtWork();

    /// <summary>Controls switched off and limits raised: "cancel the fraud check", "raise their credit limit", "send $2,500 to vendor…".</summary>
    [GeneratedRegex(@"\b(cancel|skip|bypass|disable|turn off|remove|waive|override) (the |all |any |this )?(fraud|security|identity|kyc|aml|compliance|verification|safety|anti-?virus|malware) (checks?|reviews?|screening|verification|alerts?|scans?|checklist)\b|\b(raise|increase|lift) (the |their |my |his |her |your )?(credit|spending|withdrawal|transfer) limits?\b|\b(send|transfer|wire|pay|move)\b [$€£]?\d[\d,.]*( (dollars|euros?|usd|eur|gbp|pounds))?\b[^.\n]{0,60}?\b(vendor|payee|recipient|beneficiary|supplier|account|wallet|iban)\b", Options, Timeout)]
    public static partial Regex ControlsOff();
}
