using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Resources;
using Airlock.ControlPlane.Storage;

namespace Airlock.ControlPlane.Auth;

/// <summary>POST serviceaccounts/{name}/token: a TokenRequest in, the same with <c>status.token</c> and <c>status.expirationTimestamp</c> out.</summary>
public sealed class TokenRequestHandler(ServiceAccountTokenIssuer issuer, IObjectReader store)
{
    public const long DefaultExpirationSeconds = 3600;

    /// <summary>The API server refuses shorter lifetimes (authentication validation, MinTokenAgeSec).</summary>
    public const long MinExpirationSeconds = 600;

    /// <summary>Longer requests are shortened to this (the API server's <c>--service-account-max-token-expiration</c> here).</summary>
    public const long MaxExpirationSeconds = 48 * 3600;

    private const string Group = "authentication.k8s.io";

    private readonly ServiceAccountTokenIssuer _issuer = issuer;
    private readonly IObjectReader _store = store;

    public JsonObject Create(string @namespace, string serviceAccountName, JsonObject tokenRequest)
    {
        var account = _store.Get(BuiltinResources.ServiceAccounts, @namespace, serviceAccountName)
            ?? throw ApiError.NotFound(BuiltinResources.ServiceAccounts.QualifiedResource, serviceAccountName);

        foreach (var (field, expected, what) in new[] { ("name", serviceAccountName, "name"), ("namespace", @namespace, "namespace") })
        {
            var given = JsonFields.Str(tokenRequest, "metadata", field);
            if (given.Length > 0 && given != expected)
            {
                throw ApiError.Invalid("TokenRequest", Group, serviceAccountName,
                    [FieldError.Invalid($"metadata.{field}", given, $"must match the service account {what} if specified")]);
            }
        }

        var spec = JsonFields.Obj(tokenRequest, "spec");
        var requested = JsonFields.Strings(spec, "audiences");
        IReadOnlyList<string> audiences = requested.Count > 0 ? requested : [ServiceAccountTokenIssuer.ApiServerAudience];
        var seconds = JsonFields.Long(spec, "expirationSeconds") ?? DefaultExpirationSeconds;
        if (seconds < MinExpirationSeconds)
        {
            throw ApiError.Invalid("TokenRequest", Group, "",
                [FieldError.Invalid("spec.expirationSeconds", null, $"{seconds}: may not specify a duration less than 10 minutes")]);
        }
        seconds = Math.Min(seconds, MaxExpirationSeconds);
        var bound = BoundObject(@namespace, serviceAccountName, JsonFields.Obj(spec, "boundObjectRef"));

        var now = _issuer.Time.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        var expires = now.AddSeconds(seconds);
        var claims = new ServiceAccountTokenClaims(@namespace, serviceAccountName, JsonFields.Str(account, "metadata", "uid"),
            audiences, now, expires, bound);
        var token = _issuer.Issue(claims);

        var response = (JsonObject)tokenRequest.DeepClone();
        response["apiVersion"] = $"{Group}/v1";
        response["kind"] = "TokenRequest";
        var metadata = response["metadata"] as JsonObject ?? new JsonObject();
        metadata["name"] = serviceAccountName;
        metadata["namespace"] = @namespace;
        metadata["creationTimestamp"] = JsonFields.Timestamp(now);
        response["metadata"] = metadata;
        var outSpec = response["spec"] as JsonObject ?? new JsonObject();
        outSpec["audiences"] = JsonFields.Array(audiences);
        outSpec["expirationSeconds"] = seconds;
        response["spec"] = outSpec;
        response["status"] = new JsonObject { ["token"] = token, ["expirationTimestamp"] = JsonFields.Timestamp(expires) };
        return response;
    }

    private BoundObjectReference? BoundObject(string @namespace, string serviceAccountName, JsonObject? reference)
    {
        if (reference is null) return null;
        var kind = JsonFields.Str(reference, "kind");
        var apiVersion = JsonFields.Str(reference, "apiVersion");
        var name = JsonFields.Str(reference, "name");
        var uid = JsonFields.Str(reference, "uid");
        if (apiVersion is not ("" or "v1") || kind is not ("Pod" or "Secret"))
        {
            // Written as schema.GroupVersionKind.String() does: "group/version, Kind=kind".
            var groupVersion = apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion : "/" + apiVersion;
            throw ApiError.BadRequest($"cannot bind token to object of type {groupVersion}, Kind={kind}");
        }
        if (name.Length == 0) throw ApiError.Invalid("TokenRequest", Group, "", [FieldError.Required("spec.boundObjectRef.name")]);
        var type = kind == "Pod" ? BuiltinResources.Pods : BuiltinResources.Secrets;
        var obj = _store.Get(type, @namespace, name) ?? throw ApiError.NotFound(type.QualifiedResource, name);
        if (kind == "Pod" && ServiceAccountTokenAuthenticator.PodServiceAccount(obj) != serviceAccountName)
        {
            throw ApiError.BadRequest($"cannot bind token for serviceaccount \"{serviceAccountName}\" to pod running with different serviceaccount name.");
        }
        var actualUid = JsonFields.Str(obj, "metadata", "uid");
        if (uid.Length > 0 && uid != actualUid)
        {
            throw ApiError.Conflict(kind, name,
                $"the UID in the bound object reference ({uid}) does not match the UID in record. The object might have been deleted and then recreated");
        }
        return new BoundObjectReference(kind, name, actualUid);
    }
}
