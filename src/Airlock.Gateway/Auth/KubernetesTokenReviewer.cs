using Airlock.Api.Tasks;
using k8s;
using k8s.Models;

namespace Airlock.Gateway.Auth;

/// <summary>
/// A TokenReview per call through KubernetesClient for audience <see cref="SandboxContract.TokenAudience"/>. Any failure to get
/// an answer is <see cref="TokenReviewStatus.Unavailable"/>; an answer that does not name our audience or a service account
/// is a rejection.
/// </summary>
public sealed class KubernetesTokenReviewer(IKubernetes client, string audience = SandboxContract.TokenAudience, TimeSpan? timeout = null) : ITokenReviewer
{
    private const string ServiceAccountPrefix = "system:serviceaccount:";
    private const string PodNameExtra = "authentication.kubernetes.io/pod-name";
    private const string PodUidExtra = "authentication.kubernetes.io/pod-uid";

    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromSeconds(5);

    public async Task<TokenReviewOutcome> ReviewAsync(string token, CancellationToken cancellationToken)
    {
        V1TokenReview review;
        try
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(_timeout);
            review = await client.AuthenticationV1.CreateTokenReviewAsync(
                new V1TokenReview { Spec = new V1TokenReviewSpec { Token = token, Audiences = [audience] } },
                cancellationToken: cts.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return TokenReviewOutcome.Unavailable($"token review failed: {e.GetType().Name}");
        }
        var status = review.Status;
        if (status?.Authenticated != true) return TokenReviewOutcome.Rejected(status?.Error is { Length: > 0 } error ? error : "token is not valid");
        if (status.Audiences is { } audiences && !audiences.Contains(audience, StringComparer.Ordinal))
        {
            return TokenReviewOutcome.Rejected($"token is not valid for audience {audience}");
        }
        var username = status.User?.Username ?? "";
        if (!username.StartsWith(ServiceAccountPrefix, StringComparison.Ordinal)) return TokenReviewOutcome.Rejected("token is not a service-account token");
        var parts = username[ServiceAccountPrefix.Length..].Split(':');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0) return TokenReviewOutcome.Rejected("token names no service account");
        var extra = status.User?.Extra;
        return new TokenReviewOutcome(TokenReviewStatus.Authenticated, parts[0], parts[1], First(extra, PodNameExtra), First(extra, PodUidExtra), null);
    }

    private static string? First(IDictionary<string, IList<string>>? extra, string key) =>
        extra is not null && extra.TryGetValue(key, out var values) && values.Count > 0 ? values[0] : null;
}
