namespace Airlock.Guardrails.Injection.Lexicon;

/// <summary>
/// What a word can mean for injection detection. A word carries several cues ("ignore" is an override verb and an
/// anchor of the override patterns). The window rules combine cues of nearby words; the prescan uses them as a gate.
/// </summary>
[Flags]
internal enum Cue : ulong
{
    None = 0,

    /// <summary>ignore, disregard, forget, bypass… and their foreign equivalents.</summary>
    OverrideVerb = 1UL << 0,
    /// <summary>skip, drop, cancel, clear, wipe, erase, abandon, scratch: override verbs that are ordinary elsewhere.</summary>
    WeakOverrideVerb = 1UL << 1,
    /// <summary>follow, obey, apply, heed, listen: an override when negated ("do not follow").</summary>
    ObeyVerb = 1UL << 2,
    /// <summary>don't, not, never, no, stop, quit, cease, longer.</summary>
    Negation = 1UL << 3,
    /// <summary>instructions, rules, guidelines, prompt, directives, restrictions, policy…</summary>
    Target = 1UL << 4,
    /// <summary>previous, prior, above, earlier, original, initial, all, your, system…</summary>
    Prior = 1UL << 5,
    /// <summary>cancelled, void, obsolete, revoked, outdated, lifted, fake…</summary>
    Revoked = 1UL << 6,

    /// <summary>reveal, print, show, repeat, recite, dump, paste, quote…</summary>
    Disclose = 1UL << 7,
    /// <summary>prompt, instructions, rules, configuration, guidelines as the thing to disclose.</summary>
    PromptObject = 1UL << 8,
    /// <summary>hidden, secret, confidential, initial, original, opening, internal.</summary>
    Hidden = 1UL << 9,
    /// <summary>password, credentials, api key, token, secrets, cookies…</summary>
    SecretObject = 1UL << 10,

    /// <summary>act, pretend, roleplay, simulate, imagine, become, play.</summary>
    Persona = 1UL << 11,
    /// <summary>unrestricted, unfiltered, uncensored, jailbroken, amoral, limitless…</summary>
    Unrestricted = 1UL << 12,
    /// <summary>mode.</summary>
    Mode = 1UL << 13,
    /// <summary>developer, god, debug, sudo, jailbreak, opposite, unlocked (before "mode").</summary>
    ModeName = 1UL << 14,
    /// <summary>dan, stan, aim, dude, evilbot: named jailbreak personas.</summary>
    JailbreakName = 1UL << 15,
    /// <summary>refuse, decline, refusal, warnings, limits, filters, rules (after "no"/"never"/"without").</summary>
    Limit = 1UL << 16,

    /// <summary>ai, assistant, llm, chatbot, claude, gpt, copilot… (model, agent and bot are <see cref="MaybeAi"/>).</summary>
    AiNoun = 1UL << 17,
    /// <summary>dear, hey, hi, hello, attention, psst.</summary>
    Greeting = 1UL << 18,
    /// <summary>note, message, instruction, memo, notice, reminder, directive.</summary>
    NoteNoun = 1UL << 19,
    /// <summary>reading, processing, summarizing, indexing, handling, reviewing, screening…</summary>
    Reading = 1UL << 20,
    /// <summary>should, must, shall, need, required, will.</summary>
    Modal = 1UL << 21,
    /// <summary>you, your, yours, yourself.</summary>
    SecondPerson = 1UL << 22,

    /// <summary>An imperative verb that makes an agent act: send, delete, approve, tell, include, open, mark…</summary>
    Action = 1UL << 23,
    /// <summary>send, post, upload, forward, email, transmit, leak, exfiltrate, copy, export.</summary>
    Exfiltrate = 1UL << 24,
    /// <summary>call, invoke, use, run, execute, trigger.</summary>
    ToolVerb = 1UL << 25,
    /// <summary>tool, function, action, plugin, api, command.</summary>
    ToolNoun = 1UL << 26,
    /// <summary>delete, remove, drop, wipe, destroy, purge, transfer, disable, overwrite…</summary>
    Destructive = 1UL << 27,
    /// <summary>all, every, each, entire, everything.</summary>
    Scope = 1UL << 28,
    /// <summary>secretly, silently, quietly, covertly, discreetly.</summary>
    Covert = 1UL << 29,
    /// <summary>tell, inform, mention, notify, alert, ask, confirm, show, warn (after a negation: secrecy).</summary>
    Inform = 1UL << 30,
    /// <summary>user, human, owner, operator, customer, reader, anyone.</summary>
    Person = 1UL << 31,
    /// <summary>authorized, approved, cleared, permitted, sanctioned, signed (off).</summary>
    Authorized = 1UL << 32,
    /// <summary>admin, administrator, developer, operator, root, system, security team.</summary>
    Authority = 1UL << 33,

    /// <summary>decode, decipher, reverse, combine, concatenate, join, unscramble.</summary>
    Transform = 1UL << 34,
    /// <summary>base64, rot13, hex, morse, cipher, encoded.</summary>
    Encoding = 1UL << 35,

    /// <summary>Words of writing about attacks (prompt injection, attacker, example, mitigation…): mention, not use.</summary>
    Discussion = 1UL << 36,
    /// <summary>translate, translation, traduce, übersetze…: what follows is a text to translate.</summary>
    Translate = 1UL << 37,
    /// <summary>The most frequent English words, for telling prose from encoded text.</summary>
    Common = 1UL << 38,

    /// <summary>Words that only the phrase patterns need (pwned, verbatim, character…): they open the pattern gate.</summary>
    PatternAnchor = 1UL << 39,
    /// <summary>Words of the exfiltration and tool patterns: url, link, image, curl, wget, tool_calls…</summary>
    ActionAnchor = 1UL << 41,
    /// <summary>An override verb in a language other than English (the multilingual patterns' gate).</summary>
    Foreign = 1UL << 42,
    /// <summary>now, from now on, immediately, henceforth.</summary>
    Now = 1UL << 43,
    /// <summary>new, real, actual, true, updated, only (before "task", "instructions", "goal").</summary>
    Replacement = 1UL << 44,
    /// <summary>task, goal, objective, job, mission, purpose, brief.</summary>
    Task = 1UL << 45,
    /// <summary>conversation, history, inbox, files, records, contacts, data: what an exfiltration takes.</summary>
    DataObject = 1UL << 46,
    /// <summary>A URL or an e-mail address.</summary>
    Link = 1UL << 47,
    /// <summary>system, admin, developer, user, assistant, inst, sys, end…: words that label a role in chat markup.</summary>
    RoleWord = 1UL << 48,
    /// <summary>Set by the scanner on "follow", "obey"… right after a negation ("do not follow", "no longer obey").</summary>
    NegatedObey = 1UL << 49,
    /// <summary>A word of the English phrase patterns (four letters or more): what the split-word repair can rebuild.</summary>
    Vocabulary = 1UL << 50,
    /// <summary>model, agent, bot: an AI only when addressed or described as reading ("agents indexing this wiki").</summary>
    MaybeAi = 1UL << 51,
    /// <summary>Set by the scanner on "restrictions", "refuse"… within two words of a negation ("no rules", "never refuse").</summary>
    NoLimit = 1UL << 52,
    /// <summary>Set by the scanner on a name (identifier, tool, script) within four words after call/run/use/invoke.</summary>
    ToolCall = 1UL << 53,
    /// <summary>confirmation, approval, permission, consent, review: what an agent asks before acting.</summary>
    Check = 1UL << 54,
    /// <summary>Set by the scanner on a <see cref="Check"/> word within two words of a negation ("without asking", "no approval").</summary>
    NoCheck = 1UL << 55,
    /// <summary>Set by the scanner on "mode" right after a mode name ("developer mode", "god mode").</summary>
    SpecialMode = 1UL << 56,
}
