namespace Airlock.ControlPlane.Auth;

/// <summary>The rules one binding gives a user, and how to name that binding in a decision.</summary>
internal sealed record RbacGrant(string Source, IReadOnlyList<PolicyRule> Rules);
