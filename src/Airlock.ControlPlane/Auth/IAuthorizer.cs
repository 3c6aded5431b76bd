namespace Airlock.ControlPlane.Auth;

/// <summary>Decides whether a request is allowed (RBAC in the local control plane).</summary>
public interface IAuthorizer
{
    AuthorizationDecision Authorize(AuthorizationAttributes attributes);
}

/// <summary>
/// What is asked, as the API server's authorizer.Attributes. For resource requests <see cref="Path"/> is informative only;
/// for non-resource requests (discovery, /version, /openapi) only <see cref="Verb"/> (get/post/…) and <see cref="Path"/> count.
/// Strings are empty, never null, when absent.
/// </summary>
public sealed record AuthorizationAttributes(
    UserInfo User,
    string Verb,
    bool IsResourceRequest,
    string Path = "",
    string ApiGroup = "",
    string ApiVersion = "",
    string Resource = "",
    string Subresource = "",
    string Namespace = "",
    string Name = "");

public sealed record AuthorizationDecision(bool Allowed, string Reason)
{
    public static AuthorizationDecision Allow(string reason) => new(true, reason);

    public static AuthorizationDecision Deny(string reason) => new(false, reason);
}
