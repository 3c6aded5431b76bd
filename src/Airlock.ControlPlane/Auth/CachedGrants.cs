namespace Airlock.ControlPlane.Auth;

/// <summary>Everything RBAC grants one user in one namespace, with the lookup problems met on the way.</summary>
internal sealed record CachedGrants(IReadOnlyList<RbacGrant> Grants, IReadOnlyList<string> Errors);
