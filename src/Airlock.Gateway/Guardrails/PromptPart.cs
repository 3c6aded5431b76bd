namespace Airlock.Gateway.Guardrails;

/// <summary>
/// One piece of a prompt: a message's content or a tool call's arguments, with the label the audit log shows before it
/// (<c>[user] </c>, <c>[tool_call NAME] </c>…) and whether the agent did not author it (injection is looked for there).
/// </summary>
public sealed record PromptPart(string Label, string Text, bool Untrusted);
