namespace Airlock.ControlPlane.Auth;

/// <summary>The rules found and the problems met on the way (a binding to a missing role); problems make the list incomplete.</summary>
public sealed record RuleResolution(IReadOnlyList<PolicyRule> Rules, IReadOnlyList<string> Errors);
