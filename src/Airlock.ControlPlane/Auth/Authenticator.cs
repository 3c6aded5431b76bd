using Airlock.ControlPlane.Storage;

namespace Airlock.ControlPlane.Auth;

/// <summary>Static tokens, then service-account JWTs (API-server audience, bound objects still alive).</summary>
public sealed class Authenticator(IReadOnlyList<StaticUser> users, ServiceAccountTokenIssuer issuer, IObjectReader store) : IAuthenticator
{
    private static readonly IReadOnlyList<string> ApiAudiences = [ServiceAccountTokenIssuer.ApiServerAudience];

    private readonly StaticTokenAuthenticator _static = new(users);
    private readonly ServiceAccountTokenAuthenticator _serviceAccounts = new(issuer, store);

    public UserInfo? AuthenticateBearer(string token)
    {
        if (token.Length == 0) return null;
        return _static.Authenticate(token) ?? _serviceAccounts.Authenticate(token, ApiAudiences).User;
    }
}
