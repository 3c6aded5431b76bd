namespace Airlock.Gateway.Auth;

/// <summary>Asks the cluster whether a bearer token is a live service-account token for an audience.</summary>
public interface ITokenReviewer
{
    Task<TokenReviewOutcome> ReviewAsync(string token, CancellationToken cancellationToken);
}
