using System.Text.Json.Nodes;
using Airlock.ControlPlane.Storage;

namespace Airlock.ControlPlane.Auth;

/// <summary>POST tokenreviews: fills <c>status</c> (authenticated, user, audiences, error) of a TokenReview.</summary>
public sealed class TokenReviewer(ServiceAccountTokenIssuer issuer, IReadOnlyList<StaticUser> users, IObjectReader store)
{
    private readonly ServiceAccountTokenIssuer _issuer = issuer;
    private readonly IReadOnlyList<StaticUser> _users = users;
    private readonly IObjectReader _store = store;

    public JsonObject Review(JsonObject tokenReview)
    {
        _ = (_issuer, _users, _store);
        throw new NotImplementedException();
    }
}
