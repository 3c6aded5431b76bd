using static Airlock.Guardrails.Injection.InjectionFamilies;

namespace Airlock.Guardrails.Injection;

/// <summary>
/// The phrase rules and their weights. A weight is the chance the rule alone means injection: 0.5 and above flag on
/// their own, weaker rules need a second family to agree. Tuned on the seed corpora, never on the held-out split.
/// </summary>
internal static class InjectionRules
{
    /// <summary>"when you summarize", "while reading": a conjunction right before "you" or a verb of reading.</summary>
    private static readonly string WhenYouProcessGate = string.Join(' ',
        from conjunction in new[] { "when", "while", "if", "before", "after" }
        from next in new[] { "you", "summarize", "summarise", "summarizing", "summarising", "process", "processing", "read", "reading", "review", "reviewing", "analyze", "analyse", "analyzing", "analysing", "translate", "translating", "answer", "answering" }
        select conjunction + "+" + next) + " & page document email message text file repository repo code website article resume content pull issue comment webpage site question";


    /// <summary>Rules over the English skeleton view.</summary>
    public static InjectionRule[] English { get; } =
    [
        new(Override, 0.8, "instruction override", OverridePatterns.OverrideQualified(), new("OverrideVerb WeakOverrideVerb aside throw & Target message measures features settings ; NegatedObey & Target message measures features settings ; mind & never & Target message measures features settings")),
        new(Override, 0.45, "instruction override", OverridePatterns.OverrideBare(), new("OverrideVerb WeakOverrideVerb aside throw & Target message measures features settings ; NegatedObey & Target message measures features settings ; mind & never & Target message measures features settings")),
        new(Override, 0.7, "instruction override", OverridePatterns.OverrideEverything(), new("ignore disregard forget & everything all anything")),
        new(Override, 0.6, "instruction override", OverridePatterns.OverrideAboveAnd(), new("ignore disregard forget & above previous prior preceding")),
        new(Override, 0.7, "declares earlier instructions void", OverridePatterns.OverrideRevoked(), new("previous prior above earlier original old initial system & instruction instructions prompt prompts rules directions guidelines directives & Revoked")),
        new(Override, 0.5, "tells it to ignore the user", OverridePatterns.IgnoreTheUser(), new("ignore disregard forget skip & user users human humans customer customers original actual")),
        new(Override, 0.6, "assigns a new task", OverridePatterns.NewTask(), new("your & new real true actual only next primary updated revised & Task instruction instructions directive directives")),
        new(Override, 0.4, "announces new instructions", OverridePatterns.NewInstructionsColon(), new("new updated revised real actual true secret hidden additional important urgent override priority & instruction instructions directive directives orders task prompt rules")),
        new(Override, 0.35, "from now on", OverridePatterns.FromNowOn(), new("now+on point+on moment+on")),
        new(Leak, 0.6, "asks for the system prompt", OverridePatterns.LeakPrompt(), new("Disclose & prompt prompts preprompt preprompts message messages instructions rules guidelines configuration programming directives data & system initial original hidden secret pre preprompt preprompts developer your confidential")),
        new(Leak, 0.55, "asks to repeat the context", OverridePatterns.LeakAbove(), new("repeat print output copy recite write say echo reproduce return show & text words everything content line lines sentence sentences message messages instructions characters tokens & above before+this preceding so+far verbatim the+start the+beginning the+top")),
        new(Leak, 0.5, "asks to repeat the context", OverridePatterns.LeakStartingWith(), new("starting beginning begin start & you & are ; beginning start top & conversation chat prompt context")),
        new(Leak, 0.35, "asks for a password", OverridePatterns.LeakPassword(), new("tell reveal give what whats print show spell say & password passcode secret+key secret+word api+key access+code")),
        new(Leak, 0.5, "asks for its given instructions", OverridePatterns.LeakGiven(), new("what which & instructions rules guidelines prompt prompts directives & given told provided programmed ; told instructed asked programmed & keep reveal share tell disclose ; output print repeat copy write return & verbatim word+for exactly+as")),
        new(Leak, 0.45, "asks to reveal secrets", OverridePatterns.LeakSecrets(), new("print reveal list dump output show display give tell send leak expose disclose & credential credentials secrets api+key api+keys passwords private+key private+keys env environment+variables env+variables access+token access+tokens")),
        new(Roleplay, 0.55, "unrestricted persona", OverridePatterns.AgentWithoutLimits(), new("you youre & no without free not & rules restrictions limitations filters limits guidelines censorship constraints principles policy policies ethical ; ai assistant model chatbot bot entity persona & rules restrictions limitations filters limits guidelines censorship constraints principles policy policies ethical")),
        new(Roleplay, 0.7, "jailbreak mode", OverridePatterns.JailbreakMode(), new("anything & now ; dan")),
        new(Roleplay, 0.35, "jailbreak mode", OverridePatterns.ModeSwitchedOn(), new("developer god admin debug jailbreak jailbroken unrestricted dev sudo evil & mode")),
        new(Roleplay, 0.6, "unrestricted persona", OverridePatterns.JailbreakPersona(), new("Unrestricted & you youre act acting pretend behave become roleplay role respond answer")),
        new(Roleplay, 0.4, "asks to drop restrictions", OverridePatterns.NoRestrictions(), new("without no free ignore ignoring longer have has not & restriction restrictions limitation limitations filter filters censorship limits boundaries ethics ethical morals moral content safety guardrails rules")),
        new(Roleplay, 0.4, "persona lock-in", OverridePatterns.StayInCharacter(), new("stay remain keep & character ; refuse ; freed broken jailbroken liberated")),
        new(Override, 0.6, "pwned payload", OverridePatterns.Pwned(), new("pwned")),
        new(Spoof, 0.65, "chat-template token", AddressPatterns.TemplateToken(), new("#Markup"), Markup: true),
        new(Spoof, 0.6, "chat-template token", AddressPatterns.LlamaToken(), new("#Markup"), Markup: true),
        new(Spoof, 0.45, "chat-template token", AddressPatterns.LlamaOpen(), new("#Markup"), Markup: true),
        new(Spoof, 0.5, "system tag", AddressPatterns.SystemTag(), new("#Markup"), Markup: true),
        new(Spoof, 0.5, "fake role header", AddressPatterns.MarkdownRoleHeader(), new("#Markup"), Markup: true),
        new(Spoof, 0.55, "fake system message", AddressPatterns.SystemColonImperative(), new("#Markup"), Markup: true),
        new(Spoof, 0.5, "fake role marker", AddressPatterns.BracketRole(), new("#Markup"), Markup: true),
        new(Spoof, 0.25, "end-of-sequence token", AddressPatterns.EndOfSequence(), new("#Markup"), Markup: true),
        new(Spoof, 0.35, "fake dialogue turns", AddressPatterns.FakeDialogue(), new("#Markup"), Markup: true),
        new(Spoof, 0.3, "fake end of document", AddressPatterns.EndOfDocument(), new("#Markup"), Markup: true),
        new(Indirect, 0.55, "note addressed to the AI", AddressPatterns.NoteToAgent(), new("note notes message instruction instructions attention important reminder notice memo directive request warning ps p hint & AiNoun MaybeAi automated coding autonomous")),
        new(Indirect, 0.2, "greets the AI", AddressPatterns.GreetingToAgent(), new("dear hey hi hello attention yo psst & AiNoun MaybeAi automated coding autonomous")),
        new(Indirect, 0.55, "addresses AI readers", AddressPatterns.IfYouAreAgent(), new("if & you youre & AiNoun MaybeAi automated coding autonomous")),
        new(Indirect, 0.55, "addresses AI readers", AddressPatterns.AgentReadingThis(), new("AiNoun MaybeAi automated coding autonomous & reading processing summarizing summarising parsing analyzing analysing reviewing crawling scraping indexing ingesting reads read process processes sees see seeing & this these following my")),
        new(Indirect, 0.5, "asks to keep it from the user", AddressPatterns.Secrecy(), new("not dont never without & tell telling inform informing alert alerting notify notifying mention mentioning reveal revealing disclose disclosing show showing warn warning ask asking & user users human humans operator operators reader readers owner owners admin admins customer customers ; not dont never & reveal mention disclose repeat acknowledge & note instruction instructions message comment text ; keep hide & from & user users human humans reader readers")),
        new(Indirect, 0.5, "asks for covert action", AddressPatterns.Covertly(), new("secretly silently quietly covertly stealthily discreetly")),
        new(Indirect, 0.4, "claims authority", AddressPatterns.ClaimedAuthority(), new("user & authorized authorised approved consented agreed wants asked gave given ; authorized authorised official legitimate verified sanctioned & request test penetration pentest red administrator admin developer instruction override security")),
        new(Indirect, 0.5, "claims a privileged override", AddressPatterns.PrivilegedOverride(), new("admin administrator system developer root sudo emergency priority security maintenance & override overrides command access ; safety security content & module filter filters check checks policy guardrail guardrails & turned disabled deactivated switched suspended lifted removed")),
        new(Indirect, 0.45, "instructions in a hidden comment", AddressPatterns.HiddenComment(), new("#HtmlComment")),
        new(Indirect, 0.25, "conditions on the agent's task", AddressPatterns.WhenYouProcess(), new(WhenYouProcessGate)),
        new(Exfiltration, 0.7, "link or image URL with a data slot", ActionPatterns.TemplatedLink(), new("#MarkdownLink")),
        new(Exfiltration, 0.4, "image URL carrying data", ActionPatterns.DataImage(), new("#MarkdownLink")),
        new(Exfiltration, 0.6, "asks to put data into a URL", ActionPatterns.AppendToUrl(), new("append add include insert put encode embed concatenate attach place substitute replace & contents content conversation chat chats history messages secret secrets key keys credentials creds token tokens password passwords env environment system inbox emails records database ssh id rsa private personal cookie cookies session api data file files summary answer answers response responses memory context user users customer customers & url link query parameter image address endpoint href src markdown Link")),
        new(Exfiltration, 0.6, "asks to send data out", ActionPatterns.SendSensitive(), new("send post upload forward transmit exfiltrate leak email mail submit copy sync deliver push pipe beacon report & contents content conversation chat chats history messages secret secrets key keys credentials creds token tokens password passwords env environment system inbox emails records database ssh id rsa private personal cookie cookies session api data file files summary answer answers response responses memory context user users customer customers & Link url endpoint server webhook address external remote attacker pastebin")),
        new(Exfiltration, 0.5, "asks to visit a URL with data", ActionPatterns.VisitWithData(), new("Link & visit open fetch browse navigate load request go click")),
        new(Exfiltration, 0.2, "mentions exfiltration", ActionPatterns.Exfiltrate(), new("exfiltrate exfiltrated exfiltrating exfiltration exfiltrates")),
        new(Exfiltration, 0.45, "network call with secrets", ActionPatterns.CurlWithSecrets(), new("curl wget fetch invoke requests http")),
        new(Tool, 0.3, "asks to skip confirmation", ActionPatterns.NoConfirmation(), new("without+asking without+confirmation without+confirming without+approval without+permission without+consent without+user without+human no+asking no+confirmation no+confirming no+approval no+permission no+consent no+user no+human ; not+ask not+wait not+check dont+ask dont+wait dont+check never+ask never+wait never+check")),
        new(Tool, 0.45, "destructive or privileged action", ActionPatterns.Destructive(), new("rm ; delete remove wipe drop destroy erase truncate purge & all every entire each ; overwrite ; cat ; authorized ; backdoor ; transfer send wire pay & account wallet iban")),
        new(Tool, 0.2, "pipes a download into a shell", ActionPatterns.PipeToShell(), new("sh bash zsh dash")),
        new(Tool, 0.4, "function-call markup in content", ActionPatterns.FunctionCallJson(), new("tool function & calls call"), Markup: true),
        new(Tool, 0.55, "function-call markup in content", ActionPatterns.FunctionCallTag(), new("tool function & call calls use ; invoke"), Discountable: false),
        new(Tool, 0.45, "asks for privileges", ActionPatterns.PrivilegeGrab(), new("grant give & admin root full owner write superuser & access privileges rights permissions role ; add upload insert append & ssh public deploy & key ; approve")),
        new(Encoded, 0.6, "asks to decode and obey", ActionPatterns.DecodeAndObey(), new("decode decipher decrypt translate convert unscramble reverse interpret read & base base64 b64 rot rot13 hex hexadecimal binary morse caesar cipher encoded reversed backwards & follow execute obey do run carry act comply perform apply answer")),
        .. GeneralRules.All,
    ];

    /// <summary>Rules over the native view (and its space-free form).</summary>
    public static InjectionRule[] Native { get; } =
    [
        new(Multilingual, 0.8, "instruction override (French)", MultilingualPatterns.French(), new("ignore ignorer ignorez oublie oublier oubliez tiens tenez fais faites passe passez abstraction outre fi & instruction instructions consigne consignes directive directives règles ordres indications prompt")),
        new(Multilingual, 0.8, "instruction override (German)", MultilingualPatterns.German(), new("ignorier ignoriere ignorieren ignoriert vergiss vergessen missachte missachten übergehe uebergehe verwirf verwerfen beachte beachten befolge befolgen & anweisungen anweisung instruktionen befehle regeln vorgaben richtlinien anordnungen systemprompt system prompt alles")),
        new(Multilingual, 0.8, "instruction override (Spanish)", MultilingualPatterns.Spanish(), new("ignora ignorar ignorad olvida olvidar olvidad olvide olvides haz hagan hagas omite descarta desatiende pasa ignoren ignore & instrucciones indicaciones órdenes reglas directrices directivas instrucción prompt")),
        new(Multilingual, 0.8, "instruction override (Italian)", MultilingualPatterns.Italian(), new("ignora ignorare ignorate dimentica dimenticare dimenticate trascura considerare tenere & istruzioni indicazioni regole direttive ordini comandi prompt")),
        new(Multilingual, 0.8, "instruction override (Portuguese)", MultilingualPatterns.Portuguese(), new("ignore ignora ignorar ignorer ignorem esqueça esqueçam esquecer desconsidere desconsiderar despreze siga obedeça & instruções instrução orientações regras diretrizes ordens comandos")),
        new(Multilingual, 0.8, "instruction override (Russian)", MultilingualPatterns.Russian(), new("игнорируй проигнорируй забудь обращай пренебреги отбрось следуй выполняй слушай & инструкци указани команд правил промпт установк директив")),
        new(Multilingual, 0.8, "instruction override (Chinese)", MultilingualPatterns.Chinese(), new("忽略 忽视 忽視 无视 無視 不要理会 不要理會 忘记 忘記 忘掉 跳过 跳過 放弃 放棄 不用管 别管 別管 不要 & 指令 指示 提示 说明 說明 规则 規則 命令 设定 設定 要求 限制")),
        new(Multilingual, 0.8, "instruction override (Japanese)", MultilingualPatterns.Japanese(), new("指示 命令 指令 ルール プロンプト 設定 制約 ガイドライン 規則 & 無視 忘れ 破棄 従わな")),
        new(Multilingual, 0.8, "instruction override (Korean)", MultilingualPatterns.Korean(), new("지시 지침 명령 규칙 프롬프트 & 무시 잊어 따르지")),
        new(Multilingual, 0.8, "instruction override", MultilingualPatterns.OtherLatin(), new("negeer vergeet veronachtzaam & instructies aanwijzingen regels opdrachten ; zignoruj ignoruj zapomnij pomiń & instrukcj polece zasad reguł ; talimat komut kural yönerge ; abaikan lupakan & instruksi perintah petunjuk aturan ; bỏ phớt quên & dẫn thị lệnh")),
        new(Multilingual, 0.8, "instruction override", MultilingualPatterns.OtherScripts(), new("تجاهل انس إنس اهمل أهمل & التعليمات الأوامر التوجيهات القواعد تعليمات ; निर्देशों निर्देश आदेशों नियमों & अनदेखा नज़रअंदाज़ नजरअंदाज भूल ; התעלם שכח & הוראות ההוראות ההנחיות")),
        new(Leak, 0.35, "mentions the system prompt", MultilingualPatterns.SystemPromptWord(), new("prompt prompts & système sistema system ; systemprompt systemprompten ; 系统提示 系統提示 提示词 提示詞 システムプロンプト 시스템_프롬프트 ; системн & промпт инструкци")),
        new(Override, 0.4, "announces new instructions", MultilingualPatterns.NewInstructions(), new("nouvelle nouvelles neue nuevas nuove novas nieuwe nowe новые & Target ; 新的指令 新指令 新しい指示 새로운")),
    ];

    /// <summary>The rule over the letters-only view (and the letters of its rot13 and reversed forms).</summary>
    public static InjectionRule Compact { get; } = new(Override, 0.75, "instruction override", ContextPatterns.CompactCore(), new("#Fragmented #SpacedLetters"));
}
