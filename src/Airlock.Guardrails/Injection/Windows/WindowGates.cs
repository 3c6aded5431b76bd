namespace Airlock.Guardrails.Injection.Windows;

/// <summary>
/// When each family of window rules is worth running (see <see cref="RuleGate"/> for the syntax). Kept apart from the
/// rules, which look words up, so the lexicon can read these while it is being built.
/// </summary>
internal static class WindowGates
{
    public static RuleGate Override { get; } = new("OverrideVerb WeakOverrideVerb NegatedObey attention & Target PromptObject everything anything what ; ObeyVerb & nicht niet & Target PromptObject ; OverrideVerb WeakOverrideVerb & it them those these & configured told given said ; release unbind liberate relieve exempt & Target");
    public static RuleGate Revoked { get; } = new("Target PromptObject everything & Revoked ; none & count apply applies matter matters ; Target PromptObject & never & written existed happened");
    public static RuleGate Leak { get; } = new("Disclose what which & PromptObject Target ; Disclose & SecretObject ; Disclose & everything anything & told given ; PromptObject & verbatim exact exactly wording");
    public static RuleGate Persona { get; } = new("Unrestricted ; NoLimit ; SpecialMode ; JailbreakName ; broken & free out ; Persona & ignores disregards bypasses breaks");
    public static RuleGate Address { get; } = new("AiNoun ; MaybeAi & AiNoun Reading Modal Greeting NoteNoun language automated autonomous coding reads processes sees reviews #Markup #AiVocative");
    public static RuleGate Exfiltration { get; } = new("Exfiltrate & Link webhook pastebin server endpoint external outside remote attacker ; #LinkSlot ; include add insert append show & link url & Link");
    public static RuleGate Tool { get; } = new("ToolCall ; Destructive & Scope public visibility authentication firewall antivirus logging audit protection ; transfer wire refund pay & iban account wallet ; NoCheck");
    public static RuleGate Authority { get; } = new("Authorized & Person Authority already");
    public static RuleGate Transform { get; } = new("Transform & follow obey execute perform comply carry act do");
    public static RuleGate Secrecy { get; } = new("Negation & Inform & Person ; Covert");
    public static RuleGate Reader { get; } = new("Person & wants want asked requested needs expects ; tell inform warn remind & Person ; #DataLike & Action Exfiltrate");

    public static RuleGate[] All { get; } = [Override, Revoked, Leak, Persona, Address, Exfiltration, Tool, Authority, Transform, Secrecy, Reader];
}
