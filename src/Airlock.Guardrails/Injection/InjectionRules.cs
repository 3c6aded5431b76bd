using static Airlock.Guardrails.Injection.InjectionFamilies;

namespace Airlock.Guardrails.Injection;

/// <summary>
/// The phrase rules and their weights. A weight is the chance the rule alone means injection: 0.5 and above flag on
/// their own, weaker rules need a second family to agree. Tuned on the seed corpora, never on the held-out split.
/// </summary>
internal static class InjectionRules
{
    /// <summary>Rules over the English skeleton view.</summary>
    public static IReadOnlyList<InjectionRule> English { get; } =
    [
        new(Override, 0.8, "instruction override", OverridePatterns.OverrideQualified()),
        new(Override, 0.45, "instruction override", OverridePatterns.OverrideBare()),
        new(Override, 0.7, "instruction override", OverridePatterns.OverrideEverything()),
        new(Override, 0.6, "instruction override", OverridePatterns.OverrideAboveAnd()),
        new(Override, 0.7, "declares earlier instructions void", OverridePatterns.OverrideRevoked()),
        new(Override, 0.5, "tells it to ignore the user", OverridePatterns.IgnoreTheUser()),
        new(Override, 0.6, "assigns a new task", OverridePatterns.NewTask()),
        new(Override, 0.4, "announces new instructions", OverridePatterns.NewInstructionsColon()),
        new(Override, 0.35, "from now on", OverridePatterns.FromNowOn()),
        new(Leak, 0.6, "asks for the system prompt", OverridePatterns.LeakPrompt()),
        new(Leak, 0.55, "asks to repeat the context", OverridePatterns.LeakAbove()),
        new(Leak, 0.5, "asks to repeat the context", OverridePatterns.LeakStartingWith()),
        new(Leak, 0.35, "asks for a password", OverridePatterns.LeakPassword()),
        new(Leak, 0.5, "asks for its given instructions", OverridePatterns.LeakGiven()),
        new(Leak, 0.45, "asks to reveal secrets", OverridePatterns.LeakSecrets()),
        new(Roleplay, 0.55, "unrestricted persona", OverridePatterns.AgentWithoutLimits()),
        new(Roleplay, 0.7, "jailbreak mode", OverridePatterns.JailbreakMode()),
        new(Roleplay, 0.6, "unrestricted persona", OverridePatterns.JailbreakPersona()),
        new(Roleplay, 0.4, "asks to drop restrictions", OverridePatterns.NoRestrictions()),
        new(Roleplay, 0.4, "persona lock-in", OverridePatterns.StayInCharacter()),
        new(Override, 0.6, "pwned payload", OverridePatterns.Pwned()),
        new(Spoof, 0.65, "chat-template token", AddressPatterns.TemplateToken(), Markup: true),
        new(Spoof, 0.6, "chat-template token", AddressPatterns.LlamaToken(), Markup: true),
        new(Spoof, 0.45, "chat-template token", AddressPatterns.LlamaOpen(), Markup: true),
        new(Spoof, 0.5, "system tag", AddressPatterns.SystemTag(), Markup: true),
        new(Spoof, 0.5, "fake role header", AddressPatterns.MarkdownRoleHeader(), Markup: true),
        new(Spoof, 0.55, "fake system message", AddressPatterns.SystemColonImperative(), Markup: true),
        new(Spoof, 0.5, "fake role marker", AddressPatterns.BracketRole(), Markup: true),
        new(Spoof, 0.25, "end-of-sequence token", AddressPatterns.EndOfSequence(), Markup: true),
        new(Spoof, 0.35, "fake dialogue turns", AddressPatterns.FakeDialogue(), Markup: true),
        new(Spoof, 0.3, "fake end of document", AddressPatterns.EndOfDocument(), Markup: true),
        new(Indirect, 0.55, "note addressed to the AI", AddressPatterns.NoteToAgent()),
        new(Indirect, 0.45, "greets the AI", AddressPatterns.GreetingToAgent()),
        new(Indirect, 0.55, "addresses AI readers", AddressPatterns.IfYouAreAgent()),
        new(Indirect, 0.55, "addresses AI readers", AddressPatterns.AgentReadingThis()),
        new(Indirect, 0.5, "asks to keep it from the user", AddressPatterns.Secrecy()),
        new(Indirect, 0.5, "asks for covert action", AddressPatterns.Covertly()),
        new(Indirect, 0.4, "claims authority", AddressPatterns.ClaimedAuthority()),
        new(Indirect, 0.5, "claims a privileged override", AddressPatterns.PrivilegedOverride()),
        new(Indirect, 0.45, "instructions in a hidden comment", AddressPatterns.HiddenComment()),
        new(Indirect, 0.25, "conditions on the agent's task", AddressPatterns.WhenYouProcess()),
        new(Exfiltration, 0.7, "link or image URL with a data slot", ActionPatterns.TemplatedLink()),
        new(Exfiltration, 0.4, "image URL carrying data", ActionPatterns.DataImage()),
        new(Exfiltration, 0.6, "asks to put data into a URL", ActionPatterns.AppendToUrl()),
        new(Exfiltration, 0.6, "asks to send data out", ActionPatterns.SendSensitive()),
        new(Exfiltration, 0.5, "asks to visit a URL with data", ActionPatterns.VisitWithData()),
        new(Exfiltration, 0.3, "mentions exfiltration", ActionPatterns.Exfiltrate()),
        new(Exfiltration, 0.45, "network call with secrets", ActionPatterns.CurlWithSecrets()),
        new(Tool, 0.35, "asks to call a tool", ActionPatterns.CallTool()),
        new(Tool, 0.4, "asks to skip confirmation", ActionPatterns.NoConfirmation()),
        new(Tool, 0.45, "destructive or privileged action", ActionPatterns.Destructive()),
        new(Tool, 0.2, "pipes a download into a shell", ActionPatterns.PipeToShell()),
        new(Tool, 0.4, "function-call markup in content", ActionPatterns.FunctionCallJson(), Markup: true),
        new(Tool, 0.55, "function-call markup in content", ActionPatterns.FunctionCallTag(), Discountable: false),
        new(Tool, 0.35, "asks to execute a command", ActionPatterns.ExecuteCommand()),
        new(Tool, 0.45, "asks for privileges", ActionPatterns.PrivilegeGrab()),
        new(Encoded, 0.6, "asks to decode and obey", ActionPatterns.DecodeAndObey()),
    ];

    /// <summary>Rules over the native view (and its space-free form).</summary>
    public static IReadOnlyList<InjectionRule> Native { get; } =
    [
        new(Multilingual, 0.8, "instruction override (French)", MultilingualPatterns.French()),
        new(Multilingual, 0.8, "instruction override (German)", MultilingualPatterns.German()),
        new(Multilingual, 0.8, "instruction override (Spanish)", MultilingualPatterns.Spanish()),
        new(Multilingual, 0.8, "instruction override (Italian)", MultilingualPatterns.Italian()),
        new(Multilingual, 0.8, "instruction override (Portuguese)", MultilingualPatterns.Portuguese()),
        new(Multilingual, 0.8, "instruction override (Russian)", MultilingualPatterns.Russian()),
        new(Multilingual, 0.8, "instruction override (Chinese)", MultilingualPatterns.Chinese()),
        new(Multilingual, 0.8, "instruction override (Japanese)", MultilingualPatterns.Japanese()),
        new(Multilingual, 0.8, "instruction override (Korean)", MultilingualPatterns.Korean()),
        new(Multilingual, 0.8, "instruction override", MultilingualPatterns.OtherLatin()),
        new(Multilingual, 0.8, "instruction override", MultilingualPatterns.OtherScripts()),
        new(Leak, 0.35, "mentions the system prompt", MultilingualPatterns.SystemPromptWord()),
        new(Override, 0.4, "announces new instructions", MultilingualPatterns.NewInstructions()),
    ];

    /// <summary>The rule over the letters-only view (and the letters of its rot13 and reversed forms).</summary>
    public static InjectionRule Compact { get; } = new(Override, 0.75, "instruction override", ContextPatterns.CompactCore());
}
