namespace Airlock.ControlPlane.Auth;

/// <summary>Issues and verifies RS256 service-account JWTs, as the API server's token controller does.</summary>
public sealed class ServiceAccountTokenIssuer
{
    /// <summary>The API server's own audience: a token must carry it to be accepted as a credential for the API itself.</summary>
    public const string ApiServerAudience = "https://kubernetes.default.svc.cluster.local";

    public const string DefaultIssuer = "https://kubernetes.default.svc.cluster.local";

    /// <summary>A fresh in-memory RSA key (dev mode).</summary>
    public static ServiceAccountTokenIssuer CreateEphemeral() => new();

    public string Issue(ServiceAccountTokenClaims claims) => throw new NotImplementedException();

    /// <summary>Verifies signature, issuer and expiry; null when any fails. Audience and bound objects are checked by the caller.</summary>
    public ServiceAccountTokenClaims? Validate(string token) => null;
}
