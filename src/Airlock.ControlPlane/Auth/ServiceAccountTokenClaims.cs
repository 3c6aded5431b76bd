namespace Airlock.ControlPlane.Auth;

/// <summary>What a service-account JWT says (iss/sub/aud/exp/iat/nbf and the <c>kubernetes.io</c> claim).</summary>
public sealed record ServiceAccountTokenClaims(
    string Namespace,
    string ServiceAccountName,
    string ServiceAccountUid,
    IReadOnlyList<string> Audiences,
    DateTimeOffset IssuedAt,
    DateTimeOffset Expires,
    BoundObjectReference? BoundObject = null)
{
    public string Subject => $"{UserInfo.ServiceAccountPrefix}{Namespace}:{ServiceAccountName}";

    /// <summary>The <c>jti</c> claim; <see cref="ServiceAccountTokenIssuer.Issue"/> draws a random one when null.</summary>
    public string? TokenId { get; init; }
}
