using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Storage;

namespace Airlock.ControlPlane.Auth;

/// <summary>POST tokenreviews: fills <c>status</c> (authenticated, user, audiences, error) of a TokenReview.</summary>
/// <remarks>Fails closed: anything but a verified, live, audience-matching token comes back <c>authenticated: false</c>.</remarks>
public sealed class TokenReviewer(ServiceAccountTokenIssuer issuer, IReadOnlyList<StaticUser> users, IObjectReader store)
{
    private readonly StaticTokenAuthenticator _static = new(users);
    private readonly ServiceAccountTokenAuthenticator _serviceAccounts = new(issuer, store);

    public JsonObject Review(JsonObject tokenReview)
    {
        var token = JsonFields.Str(tokenReview, "spec", "token");
        if (token.Length == 0) throw ApiError.BadRequest("token is required for TokenReview");
        var requested = JsonFields.Strings(tokenReview, "spec", "audiences");
        var audiences = requested.Count > 0 ? requested : [ServiceAccountTokenIssuer.ApiServerAudience];

        var result = Authenticate(token, audiences);
        var response = (JsonObject)tokenReview.DeepClone();
        response["apiVersion"] = "authentication.k8s.io/v1";
        response["kind"] = "TokenReview";
        if (response["metadata"] is not JsonObject) response["metadata"] = new JsonObject();
        response["status"] = Status(result);
        return response;
    }

    private TokenAuthenticationResult Authenticate(string token, IReadOnlyList<string> audiences)
    {
        // Static tokens carry no audience: like the API server, they are good only for the API server's own audience.
        if (_static.Authenticate(token) is { } user)
        {
            return audiences.Contains(ServiceAccountTokenIssuer.ApiServerAudience, StringComparer.Ordinal)
                ? TokenAuthenticationResult.Success(user, [ServiceAccountTokenIssuer.ApiServerAudience])
                : TokenAuthenticationResult.Failure("token is not valid for the requested audiences");
        }
        return _serviceAccounts.Authenticate(token, audiences);
    }

    private static JsonObject Status(TokenAuthenticationResult result)
    {
        if (result.User is not { } user)
        {
            return new JsonObject { ["authenticated"] = false, ["user"] = new JsonObject(), ["error"] = result.Error };
        }
        return new JsonObject
        {
            ["authenticated"] = true,
            ["user"] = JsonFields.User(user),
            ["audiences"] = JsonFields.Array(result.Audiences),
        };
    }
}
