using System.Text.Json.Nodes;
using Airlock.ControlPlane.Resources;
using Airlock.ControlPlane.Storage;

namespace Airlock.ControlPlane.Auth;

/// <summary>
/// Service-account JWTs: a valid signature is not enough; the audiences must intersect the requested ones and the
/// ServiceAccount and bound Pod/Secret must still exist with the uids the token names (a deleted pod's token dies at once).
/// </summary>
public sealed class ServiceAccountTokenAuthenticator(ServiceAccountTokenIssuer issuer, IObjectReader store)
{
    /// <summary>Objects deleted (deletionTimestamp set) longer ago than this no longer back tokens (the API server's grace).</summary>
    private static readonly TimeSpan DeletionGrace = TimeSpan.FromSeconds(60);

    private const string Invalidated = "service account token has been invalidated";

    private readonly ServiceAccountTokenIssuer _issuer = issuer;
    private readonly IObjectReader _store = store;

    public TokenAuthenticationResult Authenticate(string token, IReadOnlyList<string> audiences)
    {
        var claims = _issuer.Validate(token, out var error);
        if (claims is null) return TokenAuthenticationResult.Failure($"invalid bearer token, {error}");
        var matched = claims.Audiences.Where(a => audiences.Contains(a, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        if (matched.Count == 0)
        {
            return TokenAuthenticationResult.Failure($"token audiences {Quoted(claims.Audiences)} is invalid for the target audiences {Quoted(audiences)}");
        }
        try
        {
            return CheckLiveObjects(claims) is { Length: > 0 } problem
                ? TokenAuthenticationResult.Failure(problem)
                : TokenAuthenticationResult.Success(ToUser(claims), matched);
        }
        catch (Exception)
        {
            return TokenAuthenticationResult.Failure("token lookup failed");
        }
    }

    private string CheckLiveObjects(ServiceAccountTokenClaims claims)
    {
        var account = _store.Get(BuiltinResources.ServiceAccounts, claims.Namespace, claims.ServiceAccountName);
        if (account is null || IsGone(account)) return Invalidated;
        var accountUid = JsonFields.Str(account, "metadata", "uid");
        if (accountUid != claims.ServiceAccountUid) return $"service account UID ({accountUid}) does not match claim ({claims.ServiceAccountUid})";
        if (claims.BoundObject is not { } bound) return "";
        var type = bound.Kind == "Pod" ? BuiltinResources.Pods : BuiltinResources.Secrets;
        var obj = _store.Get(type, claims.Namespace, bound.Name);
        if (obj is null || IsGone(obj)) return Invalidated;
        var uid = JsonFields.Str(obj, "metadata", "uid");
        if (uid != bound.Uid) return $"{bound.Kind.ToLowerInvariant()} UID ({uid}) does not match claim ({bound.Uid})";
        if (bound.Kind == "Pod" && PodServiceAccount(obj) != claims.ServiceAccountName) return Invalidated;
        return "";
    }

    private bool IsGone(JsonObject obj)
    {
        var deletion = JsonFields.Str(obj, "metadata", "deletionTimestamp");
        if (deletion.Length == 0) return false;
        // An unreadable deletion timestamp counts as long gone: fail closed.
        return !DateTimeOffset.TryParse(deletion, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            || at < _issuer.Time.GetUtcNow() - DeletionGrace;
    }

    internal static string PodServiceAccount(JsonObject pod) =>
        JsonFields.Str(pod, "spec", "serviceAccountName") is { Length: > 0 } name ? name : "default";

    private static UserInfo ToUser(ServiceAccountTokenClaims claims)
    {
        var extra = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (claims.BoundObject is { Kind: "Pod" } pod)
        {
            extra["authentication.kubernetes.io/pod-name"] = [pod.Name];
            extra["authentication.kubernetes.io/pod-uid"] = [pod.Uid];
        }
        if (!string.IsNullOrEmpty(claims.TokenId)) extra["authentication.kubernetes.io/credential-id"] = [$"JTI={claims.TokenId}"];
        return new UserInfo(claims.Subject, ServiceAccountGroups(claims.Namespace), claims.ServiceAccountUid) { Extra = extra };
    }

    /// <summary>The groups every service account of <paramref name="namespace"/> is in, plus <c>system:authenticated</c>.</summary>
    public static IReadOnlyList<string> ServiceAccountGroups(string @namespace) =>
        ["system:serviceaccounts", $"system:serviceaccounts:{@namespace}", "system:authenticated"];

    private static string Quoted(IEnumerable<string> values) => "[" + string.Join(" ", values.Select(v => $"\"{v}\"")) + "]";
}
