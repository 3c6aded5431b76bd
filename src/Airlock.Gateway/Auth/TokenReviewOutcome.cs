namespace Airlock.Gateway.Auth;

/// <summary>
/// What a TokenReview said about a token: authenticated (with the service account and the pod it is bound to), rejected
/// (with the reason), or unavailable (the review could not be made: the caller is refused, never allowed).
/// </summary>
public sealed record TokenReviewOutcome(TokenReviewStatus Status, string? Namespace, string? ServiceAccount, string? PodName, string? PodUid, string? Error)
{
    public static TokenReviewOutcome Rejected(string error) => new(TokenReviewStatus.Rejected, null, null, null, null, error);

    public static TokenReviewOutcome Unavailable(string error) => new(TokenReviewStatus.Unavailable, null, null, null, null, error);
}
