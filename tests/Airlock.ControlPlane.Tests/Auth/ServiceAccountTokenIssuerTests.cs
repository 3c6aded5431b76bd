using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Airlock.ControlPlane.Auth;

namespace Airlock.ControlPlane.Tests.Auth;

public sealed class ServiceAccountTokenIssuerTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _clock = new(Now);
    private ServiceAccountTokenIssuer _issuer = null!;

    [SetUp]
    public void SetUp() => _issuer = ServiceAccountTokenIssuer.CreateEphemeral(_clock);

    private static ServiceAccountTokenClaims Claims(TimeSpan? lifetime = null, BoundObjectReference? bound = null) =>
        new("team-a", "runner", "sa-uid", ["https://kubernetes.default.svc.cluster.local", "airlock-gateway"], Now,
            Now + (lifetime ?? TimeSpan.FromHours(1)), bound);

    private static JsonObject Part(string token, int index) =>
        JsonNode.Parse(Base64Url.DecodeFromChars(token.Split('.')[index]))!.AsObject();

    private static string Forge(JsonObject header, JsonObject payload, byte[] signature) =>
        $"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header.ToJsonString()))}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.{Base64Url.EncodeToString(signature)}";

    [Test]
    public void Issued_token_validates_back_to_the_same_claims()
    {
        var bound = new BoundObjectReference("Pod", "runner-pod", "pod-uid");
        var claims = _issuer.Validate(_issuer.Issue(Claims(bound: bound)));

        claims.Should().NotBeNull();
        claims!.Subject.Should().Be("system:serviceaccount:team-a:runner");
        claims.ServiceAccountUid.Should().Be("sa-uid");
        claims.Audiences.Should().Equal("https://kubernetes.default.svc.cluster.local", "airlock-gateway");
        claims.Expires.Should().Be(Now.AddHours(1));
        claims.BoundObject.Should().Be(bound);
        claims.TokenId.Should().NotBeNullOrEmpty();
    }

    [Test]
    public void Token_carries_the_claims_the_API_server_writes()
    {
        var token = _issuer.Issue(Claims(bound: new BoundObjectReference("Pod", "runner-pod", "pod-uid")));

        Part(token, 0)["alg"]!.GetValue<string>().Should().Be("RS256");
        Part(token, 0)["kid"]!.GetValue<string>().Should().Be(_issuer.KeyId);
        var payload = Part(token, 1);
        payload["iss"]!.GetValue<string>().Should().Be(ServiceAccountTokenIssuer.DefaultIssuer);
        payload["sub"]!.GetValue<string>().Should().Be("system:serviceaccount:team-a:runner");
        payload["aud"].Should().BeOfType<JsonArray>();
        payload["exp"]!.GetValue<long>().Should().Be(Now.AddHours(1).ToUnixTimeSeconds());
        payload["iat"]!.GetValue<long>().Should().Be(Now.ToUnixTimeSeconds());
        payload["nbf"]!.GetValue<long>().Should().Be(Now.ToUnixTimeSeconds());
        payload["jti"]!.GetValue<string>().Should().NotBeEmpty();
        payload["kubernetes.io"]!["namespace"]!.GetValue<string>().Should().Be("team-a");
        payload["kubernetes.io"]!["serviceaccount"]!["uid"]!.GetValue<string>().Should().Be("sa-uid");
        payload["kubernetes.io"]!["pod"]!["name"]!.GetValue<string>().Should().Be("runner-pod");
    }

    [Test]
    public void Secret_bound_token_names_the_secret_claim()
    {
        var token = _issuer.Issue(Claims(bound: new BoundObjectReference("Secret", "s", "secret-uid")));

        Part(token, 1)["kubernetes.io"]!["secret"]!["uid"]!.GetValue<string>().Should().Be("secret-uid");
    }

    [Test]
    public void Tampered_payload_is_refused()
    {
        var parts = _issuer.Issue(Claims()).Split('.');
        var payload = Part(string.Join('.', parts), 1);
        payload["sub"] = "system:serviceaccount:kube-system:admin";
        var forged = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.{parts[2]}";

        _issuer.Validate(forged, out var error).Should().BeNull();
        error.Should().Be("invalid signature");
    }

    [Test]
    public void Token_from_another_key_is_refused()
    {
        var other = ServiceAccountTokenIssuer.CreateEphemeral(_clock);

        _issuer.Validate(other.Issue(Claims())).Should().BeNull();
    }

    [Test]
    public void Unsigned_alg_none_token_is_refused()
    {
        var token = _issuer.Issue(Claims());
        var header = new JsonObject { ["alg"] = "none" };

        _issuer.Validate(Forge(header, Part(token, 1), []), out var error).Should().BeNull();
        error.Should().Be("unsupported signing algorithm");
    }

    [Test]
    public void HMAC_token_signed_with_the_public_key_is_refused()
    {
        var token = _issuer.Issue(Claims());
        var header = new JsonObject { ["alg"] = "HS256", ["kid"] = _issuer.KeyId };
        var publicKey = Encoding.UTF8.GetBytes(_issuer.Jwks().ToJsonString());
        var forged = Forge(header, Part(token, 1), []);
        var signingInput = forged[..forged.LastIndexOf('.')];
        forged = signingInput + "." + Base64Url.EncodeToString(HMACSHA256.HashData(publicKey, Encoding.ASCII.GetBytes(signingInput)));

        _issuer.Validate(forged).Should().BeNull();
    }

    [TestCase("")]
    [TestCase("not-a-jwt")]
    [TestCase("a.b.c")]
    [TestCase("eyJhbGciOiJSUzI1NiJ9.e30.")]
    public void Malformed_token_is_refused(string token)
    {
        _issuer.Validate(token, out var error).Should().BeNull();
        error.Should().Be("malformed token");
    }

    [Test]
    public void Expired_token_is_refused()
    {
        var token = _issuer.Issue(Claims(TimeSpan.FromMinutes(10)));
        _clock.Now = Now.AddMinutes(12);

        _issuer.Validate(token, out var error).Should().BeNull();
        error.Should().Be("token is expired");
    }

    [Test]
    public void Token_just_past_expiry_is_accepted_within_the_leeway()
    {
        var token = _issuer.Issue(Claims(TimeSpan.FromMinutes(10)));
        _clock.Now = Now.AddMinutes(10).AddSeconds(30);

        _issuer.Validate(token).Should().NotBeNull();
    }

    [Test]
    public void Token_from_another_issuer_name_is_refused()
    {
        using var key = RSA.Create(2048);
        var token = ServiceAccountTokenIssuer.Create(key, "https://evil.example", _clock).Issue(Claims());

        ServiceAccountTokenIssuer.Create(key, time: _clock).Validate(token, out var error).Should().BeNull();
        error.Should().Be("token issuer is not trusted");
    }

    [Test]
    public void Jwks_publishes_the_signing_key_under_its_kid()
    {
        var key = _issuer.Jwks()["keys"]![0]!;

        key["kid"]!.GetValue<string>().Should().Be(_issuer.KeyId);
        key["kty"]!.GetValue<string>().Should().Be("RSA");
        key["alg"]!.GetValue<string>().Should().Be("RS256");
    }
}
