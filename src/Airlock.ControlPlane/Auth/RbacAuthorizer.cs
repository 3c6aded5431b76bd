using Airlock.ControlPlane.Storage;

namespace Airlock.ControlPlane.Auth;

/// <summary>RBAC over the stored Roles, ClusterRoles and their bindings; <c>system:masters</c> bypasses.</summary>
public sealed class RbacAuthorizer(IObjectReader store) : IAuthorizer
{
    private readonly IObjectReader _store = store;

    public AuthorizationDecision Authorize(AuthorizationAttributes attributes)
    {
        _ = _store;
        return attributes.User.IsMaster ? AuthorizationDecision.Allow("system:masters") : AuthorizationDecision.Deny("not implemented");
    }
}
