using static Airlock.Guardrails.Injection.InjectionFamilies;

namespace Airlock.Guardrails.Injection;

/// <summary>
/// The phrase rules for families the core rules miss because they are phrased without an instruction noun or harm
/// only a domain reader sees (see <see cref="GeneralPatterns"/>, <see cref="HijackPatterns"/>,
/// <see cref="PersonaPatterns"/>). Most are weak alone (below 0.5) and flag when a second family agrees: a side errand
/// with concealment, a reader addressed by role with a harmful action. Developed on the development set
/// (tests/…/Development), measured on the evaluation set.
/// </summary>
internal static class GeneralRules
{
    private const string Given = "told asked given instructed set setup programmed configured trained taught briefed assigned";
    private const string Gone = "cleared reset wiped erased deleted purged terminated revoked void cancelled canceled rescinded lifted removed suspended deprecated nullified invalid overridden superseded replaced discarded ended";
    private const string Readers = "AiNoun MaybeAi system systems";
    private const string ReadingWords = "reading summarizing summarising processing handling reviewing parsing analyzing analysing indexing screening scanning triaging going looking crawling ingesting evaluating grading";
    private const string ConcealVerbs = "mention mentioning tell telling report reporting flag flagging disclose disclosing reveal revealing notify notifying log logging surface escalate escalating highlight send sending route routing";

    /// <summary>Every "first+second" pair of two word lists: a gate on two adjacent words.</summary>
    private static string Pairs(string firsts, string seconds) =>
        string.Join(' ', from first in firsts.Split(' ') from second in seconds.Split(' ') select first + "+" + second);

    public static InjectionRule[] All { get; } =
    [
        new(Override, 0.6, "says earlier instructions no longer apply", GeneralPatterns.DismissedWhatYouWereTold(), new("whatever everything anything all what none nothing & SecondPerson & " + Given)),
        new(Override, 0.55, "waves the task away and orders a reply", GeneralPatterns.NeverMindAndReply(), new("mind nevermind")),
        new(Override, 0.6, "declares the earlier set-up gone", GeneralPatterns.PriorContextGone(), new("previous prior earlier old original existing former & " + Gone)),
        new(Override, 0.55, "declares the text above void", GeneralPatterns.TreatEarlierAsVoid(), new("treat & as ; " + Pairs("after below following", "it this here") + " & real actual true new only updated")),
        new(Override, 0.5, "moves the agent's allegiance", GeneralPatterns.AllegianceSwitch(), new("me & work answer report listen belong respond take follow accept ; stop & being ; comply & following subsequent further future upcoming new")),
        new(Override, 0.45, "cancels the agent's task", GeneralPatterns.TaskCancelled(), new(Pairs("drop stop skip forget abandon quit cancel halt pause scrap ditch mind about", "the this that your any all") + " & instead now rather ; " + Pairs("dont not", "summarize summarise translate analyze analyse review classify answer process evaluate grade"))),
        new(Override, 0.5, "replaces the agent's task", GeneralPatterns.TaskReplaced(), new(Pairs("task job goal instruction instructions assignment objective mission role purpose orders", "has have") + " & changed updated replaced reassigned overridden redefined been ; real actual true genuine & request task question instruction goal ask assignment job ; " + Pairs("single sole one main primary", "task job goal purpose objective instruction"))),
        new(Override, 0.25, "calls the earlier text a test", GeneralPatterns.EarlierWasATest(), new(Pairs("was were", "just only merely a an all") + " & test drill joke warm warmup placeholder decoy distraction exercise")),
        new(Override, 0.45, "forces a fixed reply", GeneralPatterns.ForcedReply(), new("say reply respond answer write output print return type repeat & nothing verbatim regardless without ; " + Pairs("say reply respond answer write output print type", "only just solely") + " " + Pairs("only", "say reply respond answer write output print type"))),
        new(Override, 0.45, "overrides whatever it was told", GeneralPatterns.Regardless(), new("regardless irrespective notwithstanding no+matter")),
        new(Override, 0.5, "tells it to obey the content", GeneralPatterns.ObeyTheContent(), new(Pairs("now only", "obey follow execute take listen act") + " & document text page email file message content webpage website comment ; obey follow & only now instead")),
        new(Multilingual, 0.65, "instruction override (what it was told)", GeneralPatterns.ForeignToldPhrase(), new("olvida oublie vergiss dimentica esqueca")),
        new(Indirect, 0.55, "slips an errand into the agent's task", HijackPatterns.ErrandAroundTask(), new(Pairs("original initial actual previous main real earlier assigned first usual other", "task request job work instruction instructions summary question assignment") + " ; nothing+happened nothing+had nothing+was ; gave & start beginning outset ; " + Pairs("before", "you can do start begin finish complete solve continue answer proceed respond reply summarize summarise carry") + " & first please must")),
        new(Indirect, 0.45, "addresses whoever reads the text", HijackPatterns.WhoeverReads(), new("whoever whatever anyone anybody system program tool software service reader script pipeline & " + Pairs(ReadingWords, "this these the my our"))),
        new(Indirect, 0.45, "tells the AI reader what to do", HijackPatterns.VocativeOrder(), new(Readers)),
        new(Indirect, 0.45, "note addressed to automated readers", HijackPatterns.NoteForAutomatedReaders(), new(Readers)),
        new(Indirect, 0.35, "asks to conceal an action", HijackPatterns.ConcealIt(), new(Pairs("dont not never without", ConcealVerbs))),
        new(Indirect, 0.25, "claims consent was given", HijackPatterns.ClaimedConsent(), new(Pairs("has have had", "already agreed approved authorized authorised signed consented confirmed okayed green greenlit") + " ; " + Pairs("already previously pre", "approved authorized authorised confirmed agreed consented") + " preapproved preauthorized preauthorised ; no+need no+verification no+confirmation no+approval no+check")),
        new(Indirect, 0.3, "claims to be its administrator", HijackPatterns.ClaimedIdentity(), new("administrator admin developer creator owner operator maker programmer sysadmin & code token key password clearance authorized authorised authorization authorisation override access")),
        new(Indirect, 0.3, "steers what the reader answers", HijackPatterns.SteeredOutput(), new(Pairs("always never only", "say mention claim state recommend describe rate rank answer respond reply") + " ; end start finish conclude begin close & answer reply response summary output answers replies responses summaries outputs")),
        new(Tool, 0.4, "action a domain reader sees as harmful", HijackPatterns.DomainHarm(), new(
            "move transfer wire send pay remit deposit & iban account acct wallet routing bitcoin btc crypto ; iban ; grant give share extend & access permissions permission rights ownership ; " +
            "change update set replace modify switch & " + Pairs("delivery shipping billing recovery mailing payout bank contact login backup notification", "address addresses email e mail phone number details account") + " ; reset & password ; disable turn remove deactivate & mfa two multi security login fraud audit ; " +
            "forwarding forward autoforward autoforwarding auto ; authorized ; charge & card account ; push merge commit & main master production prod ; download & run execute install launch ; checkout+without out+without order+without purchase+without")),
        new(Leak, 0.45, "asks for a file of secrets", HijackPatterns.SecretFile(), new("contents content cat print show output send upload paste read dump respond return include containing attach & aws ssh rsa env netrc npmrc git docker kube etc shadow passwd")),
        new(Exfiltration, 0.5, "reads browser secrets", HijackPatterns.BrowserSecrets(), new("document localstorage sessionstorage cookie")),
        new(Hidden, 0.5, "instructions in hidden markup", HijackPatterns.HiddenMarkupOrder(), new("display & none ; visibility & hidden ; font & size ; opacity ; color & white fff ffffff transparent ; hidden ; aria ; alt title label & AiNoun MaybeAi system")),
        new(Spoof, 0.5, "role forged in data", HijackPatterns.ForgedRole(), new("system admin developer sys root operator assistant"), Markup: true),
        new(Roleplay, 0.45, "hypothetical self without limits", PersonaPatterns.HypotheticalUnbound(), new("if suppose supposing imagine hypothetically pretend world what & bound free released rules restrictions filters guidelines limits policies ethics safety morals boundaries censorship unrestricted unfiltered uncensored unbound jailbroken")),
        new(Roleplay, 0.3, "asks for the other self's answer", PersonaPatterns.AnswerAsThatSelf(), new(Pairs("that this other", "version character persona ai entity self") + " ; describe+what")),
        new(Roleplay, 0.55, "relative who used to read it aloud", PersonaPatterns.DeceasedRelative(), new("grandma grandmother grandfather grandpa grandmama grandpapa nan nana granny mother father mom dad uncle aunt & used would always")),
        new(Roleplay, 0.45, "split persona", PersonaPatterns.SplitPersona(), new("twice ; once & yourself you chatgpt normal assistant ; shadow evil dark alter unfiltered true unchained inner & self twin side ego demon")),
        new(Roleplay, 0.3, "asks for an answer without caveats", PersonaPatterns.NoCaveats(), new("caveats disclaimers moralizing moralising lectures lecturing ethical refusing refusal refusals hesitation judgment judgement judgments judgements safety")),
        new(Roleplay, 0.3, "criminal expert character", PersonaPatterns.CriminalExpert(), new("hacker hackers criminal criminals dealer dealers cook cooks thief thiefs terrorist terrorists scammer scammers artist artists hitman hitmans smuggler smugglers fraudster fraudsters")),
        new(Roleplay, 0.45, "special mode or safety switched off", PersonaPatterns.SpecialMode(), new(Pairs("maintenance developer debug god admin sudo root unrestricted jailbreak diagnostic dev unlocked superuser service test override raw", "mode") + " ; safety content security ethical ethics & off disabled suspended lifted removed turned deactivated bypassed inactive active paused waived")),
        new(Override, 0.55, "says it is no longer bound", GeneralPatterns.NoLongerBound(), new(Pairs("longer dont not needn neednt never", "need have") + " & " + Pairs("to", "follow obey respect observe comply stick adhere worry") + " ; treat & as")),
        new(Override, 0.5, "declares the earlier text fake", GeneralPatterns.EarlierDeclaredFake(), new(Pairs("above far this", "is was were are") + " & fictional fake test real made simulated irrelevant void simulation game ; ignore disregard forget mind nevermind skip discard & said says told asked wants contains wrote ; for+you")),
        new(Leak, 0.45, "asks for its own set-up", GeneralPatterns.OwnSetup(), new("SecondPerson & initialized initialised configured set primed started booted programmed given prompted seeded say full complete entire exact hidden initial verbatim original")),
        new(Indirect, 0.45, "claims the operator's voice", HijackPatterns.ForgedAuthority(), new("speaking here talking is & developer creator operator admin administrator owner maker programmer developers creators operators admins owners master user ; update & now ; may can allowed permitted & now")),
        new(Indirect, 0.45, "addresses an agent at work", HijackPatterns.AgentAtWork(), new("AiNoun MaybeAi automated copilots")),
        new(Tool, 0.4, "switches a control off", HijackPatterns.ControlsOff(), new("fraud security identity kyc aml compliance verification safety anti antivirus malware & checks check reviews review screening alerts alert scans scan checklist ; credit spending withdrawal transfer & limit limits ; send transfer wire pay move")),
        new(Roleplay, 0.45, "persona freed from its limits", PersonaPatterns.FreedPersona(), new("nothing & forbidden off limits prohibited banned restricted taboo ; information & free ; no & topic subject question request ; released freed liberated free broken & from ; care worry & about ; always & complies obeys agrees says ; without & filtering censoring usual")),
        new(Encoded, 0.45, "payload the reader must assemble", PersonaPatterns.AssembledPayload(), new("combine concatenate join together assemble merge decode unscramble reverse & " + Pairs("and then", "do follow execute obey act carry run perform apply then") + " " + Pairs("then", "do follow execute obey act carry run perform apply") + " ; execute obey eval evaluate ; complete finish continue & " + Pairs("follow execute obey", "it") + " act+on carry+out ; first initial & letters letter characters character words word")),
    ];
}
