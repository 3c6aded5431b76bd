using System.Text.Json.Nodes;
using Airlock.ControlPlane.Storage;

namespace Airlock.ControlPlane.Auth;

/// <summary>POST serviceaccounts/{name}/token: a TokenRequest in, the same with <c>status.token</c> and <c>status.expirationTimestamp</c> out.</summary>
public sealed class TokenRequestHandler(ServiceAccountTokenIssuer issuer, IObjectReader store)
{
    private readonly ServiceAccountTokenIssuer _issuer = issuer;
    private readonly IObjectReader _store = store;

    public JsonObject Create(string @namespace, string serviceAccountName, JsonObject tokenRequest)
    {
        _ = (_issuer, _store);
        throw new NotImplementedException();
    }
}
