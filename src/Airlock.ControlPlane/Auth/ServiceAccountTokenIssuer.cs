using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Auth;

/// <summary>Issues and verifies RS256 service-account JWTs, as the API server's token controller does.</summary>
public sealed class ServiceAccountTokenIssuer
{
    /// <summary>The API server's own audience: a token must carry it to be accepted as a credential for the API itself.</summary>
    public const string ApiServerAudience = "https://kubernetes.default.svc.cluster.local";

    public const string DefaultIssuer = "https://kubernetes.default.svc.cluster.local";

    /// <summary>Clock skew tolerated on <c>exp</c> and <c>nbf</c> (go-jose's default leeway, which the API server uses).</summary>
    public static readonly TimeSpan Leeway = TimeSpan.FromMinutes(1);

    private const int MaxTokenLength = 64 * 1024;

    private readonly RSA _key;

    /// <summary>
    /// Tokens whose signature this key verified (the exact token text), so a client's every request does not cost an RSA
    /// verification; every other check still runs each time. Bounded: emptied when full.
    /// </summary>
    private readonly ConcurrentDictionary<string, bool> _verified = new(StringComparer.Ordinal);

    private const int VerifiedCapacity = 4096;

    private ServiceAccountTokenIssuer(RSA key, string issuer, TimeProvider time)
    {
        _key = key;
        Issuer = issuer;
        Time = time;
        // Like the API server: the key id is the unpadded base64url SHA-256 of the DER public key.
        KeyId = Base64Url.EncodeToString(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));
    }

    /// <summary>A fresh in-memory RSA key (dev mode).</summary>
    public static ServiceAccountTokenIssuer CreateEphemeral(TimeProvider? time = null, string issuer = DefaultIssuer) =>
        new(RSA.Create(2048), issuer, time ?? TimeProvider.System);

    /// <summary>An issuer over a given RSA key (a key kept across restarts, or shared by two issuers in tests).</summary>
    public static ServiceAccountTokenIssuer Create(RSA key, string issuer = DefaultIssuer, TimeProvider? time = null) =>
        new(key, issuer, time ?? TimeProvider.System);

    /// <summary>The <c>iss</c> claim this issuer writes and requires.</summary>
    public string Issuer { get; }

    /// <summary>The <c>kid</c> header of issued tokens.</summary>
    public string KeyId { get; }

    /// <summary>The clock used for expiry checks and by callers computing lifetimes.</summary>
    public TimeProvider Time { get; }

    public string Issue(ServiceAccountTokenClaims claims)
    {
        var header = new JsonObject { ["alg"] = "RS256", ["kid"] = KeyId };
        var kubernetes = new JsonObject { ["namespace"] = claims.Namespace };
        if (claims.BoundObject is { } bound)
        {
            kubernetes[bound.Kind == "Pod" ? "pod" : "secret"] = new JsonObject { ["name"] = bound.Name, ["uid"] = bound.Uid };
        }
        kubernetes["serviceaccount"] = new JsonObject { ["name"] = claims.ServiceAccountName, ["uid"] = claims.ServiceAccountUid };
        var payload = new JsonObject
        {
            ["aud"] = JsonFields.Array(claims.Audiences),
            ["exp"] = claims.Expires.ToUnixTimeSeconds(),
            ["iat"] = claims.IssuedAt.ToUnixTimeSeconds(),
            ["iss"] = Issuer,
            ["jti"] = claims.TokenId ?? Guid.NewGuid().ToString(),
            ["kubernetes.io"] = kubernetes,
            ["nbf"] = claims.IssuedAt.ToUnixTimeSeconds(),
            ["sub"] = claims.Subject,
        };
        var signingInput = Encode(header) + "." + Encode(payload);
        var signature = _key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>Verifies signature, issuer and expiry; null when any fails. Audience and bound objects are checked by the caller.</summary>
    public ServiceAccountTokenClaims? Validate(string token) => Validate(token, out _);

    /// <summary>As <see cref="Validate(string)"/>, with the reason for a refusal in <paramref name="error"/>.</summary>
    public ServiceAccountTokenClaims? Validate(string token, out string error)
    {
        error = "";
        var parts = token.Length <= MaxTokenLength ? token.Split('.') : [];
        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0) return Fail("malformed token", out error);
        var header = DecodeObject(parts[0]);
        var payload = DecodeObject(parts[1]);
        if (header is null || payload is null) return Fail("malformed token", out error);

        // Only RS256 is ever accepted: "none" and HMAC (key-confusion) tokens are refused before anything else.
        if (JsonFields.Str(header, "alg") != "RS256") return Fail("unsupported signing algorithm", out error);
        if (parts[2].Length == 0 || DecodeBytes(parts[2]) is not { } signature) return Fail("malformed token", out error);
        if (header.ContainsKey("crit")) return Fail("unsupported critical header", out error);
        if (header.ContainsKey("kid") && JsonFields.Str(header, "kid") != KeyId) return Fail("unknown signing key", out error);
        if (!_verified.ContainsKey(token))
        {
            var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
            if (!_key.VerifyData(signed, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)) return Fail("invalid signature", out error);
            if (_verified.Count >= VerifiedCapacity) _verified.Clear();
            _verified[token] = true;
        }

        if (JsonFields.Str(payload, "iss") != Issuer) return Fail("token issuer is not trusted", out error);
        var now = Time.GetUtcNow();
        if (JsonFields.Long(payload, "exp") is not { } exp) return Fail("token has no expiry", out error);
        var expires = DateTimeOffset.FromUnixTimeSeconds(exp);
        if (now > expires + Leeway) return Fail("token is expired", out error);
        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(JsonFields.Long(payload, "iat") ?? JsonFields.Long(payload, "nbf") ?? exp);
        if (JsonFields.Long(payload, "nbf") is { } nbf && DateTimeOffset.FromUnixTimeSeconds(nbf) > now + Leeway) return Fail("token is not valid yet", out error);

        var audiences = payload["aud"] is JsonArray ? JsonFields.Strings(payload, "aud") : [JsonFields.Str(payload, "aud")];
        audiences = audiences.Where(a => a.Length > 0).ToList();
        if (audiences.Count == 0) return Fail("token has no audience", out error);

        var kubernetes = JsonFields.Obj(payload, "kubernetes.io");
        var claims = new ServiceAccountTokenClaims(
            JsonFields.Str(kubernetes, "namespace"),
            JsonFields.Str(kubernetes, "serviceaccount", "name"),
            JsonFields.Str(kubernetes, "serviceaccount", "uid"),
            audiences, issuedAt, expires, BoundObject(kubernetes))
        { TokenId = JsonFields.Str(payload, "jti") };
        if (claims.Namespace.Length == 0 || claims.ServiceAccountName.Length == 0 || claims.ServiceAccountUid.Length == 0)
        {
            return Fail("token has no service account claim", out error);
        }
        if (JsonFields.Str(payload, "sub") != claims.Subject) return Fail("token subject does not match its service account claim", out error);
        if (kubernetes!.ContainsKey("pod") && kubernetes.ContainsKey("secret")) return Fail("token is bound to more than one object", out error);
        if (claims.BoundObject is { } bound && (bound.Name.Length == 0 || bound.Uid.Length == 0)) return Fail("token has an incomplete bound object claim", out error);
        return claims;
    }

    /// <summary>The JSON Web Key Set served at <c>/openid/v1/jwks</c>.</summary>
    public JsonObject Jwks()
    {
        var parameters = _key.ExportParameters(false);
        var key = new JsonObject
        {
            ["use"] = "sig",
            ["kty"] = "RSA",
            ["kid"] = KeyId,
            ["alg"] = "RS256",
            ["n"] = Base64Url.EncodeToString(parameters.Modulus),
            ["e"] = Base64Url.EncodeToString(parameters.Exponent),
        };
        return new JsonObject { ["keys"] = new JsonArray(key) };
    }

    /// <summary>The document served at <c>/.well-known/openid-configuration</c>.</summary>
    public JsonObject OpenIdConfiguration(string jwksUri) => new()
    {
        ["issuer"] = Issuer,
        ["jwks_uri"] = jwksUri,
        ["response_types_supported"] = new JsonArray("id_token"),
        ["subject_types_supported"] = new JsonArray("public"),
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
    };

    private static BoundObjectReference? BoundObject(JsonObject? kubernetes)
    {
        foreach (var (claim, kind) in new[] { ("pod", "Pod"), ("secret", "Secret") })
        {
            if (JsonFields.Obj(kubernetes, claim) is { } bound) return new BoundObjectReference(kind, JsonFields.Str(bound, "name"), JsonFields.Str(bound, "uid"));
        }
        return null;
    }

    private static ServiceAccountTokenClaims? Fail(string reason, out string error)
    {
        error = reason;
        return null;
    }

    private static string Encode(JsonObject obj) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(obj.ToJsonString()));

    private static byte[]? DecodeBytes(string part)
    {
        try
        {
            return Base64Url.DecodeFromChars(part);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static JsonObject? DecodeObject(string part)
    {
        if (DecodeBytes(part) is not { } bytes) return null;
        try
        {
            return JsonNode.Parse(bytes) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
