using Airlock.Gateway.Auth;
using Airlock.Gateway.Metrics;
using Airlock.Gateway.Tasks;
using Microsoft.AspNetCore.Http;

namespace Airlock.Gateway.Serving;

/// <summary>
/// Who is calling: the bearer token (or, for Anthropic SDKs, <c>x-api-key</c>, which carries the same token) reviewed and
/// mapped to its Running task. Every doubt is a refusal: missing or malformed token 401, rejected token 401, review
/// unavailable 503, pod gone or task not Running 403.
/// </summary>
public sealed class CallerAuthenticator(ITokenReviewer reviewer, TaskDirectory tasks, GatewayMetrics metrics)
{
    public async Task<(CallerTask? Task, GatewayError? Error)> AuthenticateAsync(HttpContext context)
    {
        var headers = context.Request.Headers;
        var token = BearerToken.FromHeader(headers.Authorization.ToString());
        if (token is null && headers.TryGetValue("x-api-key", out var apiKey) && apiKey.Count == 1) token = apiKey.ToString();
        if (token is null) return Fail("rejected", GatewayError.Unauthorized("missing_token", "no bearer token: send Authorization: Bearer <contents of AIRLOCK_TOKEN_FILE>"));
        if (!BearerToken.LooksLikeJwt(token)) return Fail("rejected", GatewayError.Unauthorized("invalid_token", "the bearer token is not a service-account token"));
        if (!tasks.HasSynced) return Fail("unavailable", new GatewayError(503, "not_ready", "the gateway is still loading tasks; retry shortly", TimeSpan.FromSeconds(1)));

        var review = await reviewer.ReviewAsync(token, context.RequestAborted).ConfigureAwait(false);
        switch (review.Status)
        {
            case TokenReviewStatus.Unavailable:
                return Fail("unavailable", new GatewayError(503, "authentication_unavailable", "the token could not be reviewed; refusing", TimeSpan.FromSeconds(1)));
            case TokenReviewStatus.Rejected:
                return Fail("rejected", GatewayError.Unauthorized("invalid_token", review.Error ?? "the token was not accepted"));
        }
        metrics.TokenReviews.WithLabels("authenticated").Inc();
        var resolved = tasks.Resolve(review);
        return resolved.Task is { } task ? (task, null) : (null, GatewayError.Forbidden(resolved.Code!, resolved.Message!));
    }

    private (CallerTask?, GatewayError?) Fail(string result, GatewayError error)
    {
        metrics.TokenReviews.WithLabels(result).Inc();
        return (null, error);
    }
}
