using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Auth;
using Airlock.ControlPlane.Resources;

namespace Airlock.ControlPlane.Tests.Auth;

public sealed class TokenRequestHandlerTests
{
    private TokenFixture _f = null!;

    [SetUp]
    public void SetUp() => _f = new TokenFixture();

    private ServiceAccountTokenClaims Claims(System.Text.Json.Nodes.JsonObject response) =>
        _f.Issuer.Validate(response["status"]!["token"]!.GetValue<string>())!;

    [Test]
    public void Token_defaults_to_the_API_audience_and_one_hour()
    {
        var response = _f.Requests.Create(TokenFixture.Ns, "runner", TokenFixture.TokenRequest());

        var claims = Claims(response);
        claims.Audiences.Should().Equal(ServiceAccountTokenIssuer.ApiServerAudience);
        claims.Expires.Should().Be(TokenFixture.Start.AddHours(1));
        response["status"]!["expirationTimestamp"]!.GetValue<string>().Should().Be("2025-06-01T13:00:00Z");
        response["spec"]!["expirationSeconds"]!.GetValue<long>().Should().Be(3600);
    }

    [Test]
    public void Response_is_a_full_TokenRequest()
    {
        var response = _f.Requests.Create(TokenFixture.Ns, "runner", TokenFixture.TokenRequest(["airlock-gateway"]));

        response["apiVersion"]!.GetValue<string>().Should().Be("authentication.k8s.io/v1");
        response["kind"]!.GetValue<string>().Should().Be("TokenRequest");
        response["metadata"]!["name"]!.GetValue<string>().Should().Be("runner");
        response["spec"]!["audiences"]![0]!.GetValue<string>().Should().Be("airlock-gateway");
    }

    [Test]
    public void Token_names_the_service_account_uid()
    {
        var claims = Claims(_f.Requests.Create(TokenFixture.Ns, "runner", TokenFixture.TokenRequest()));

        claims.Subject.Should().Be("system:serviceaccount:team-a:runner");
        claims.ServiceAccountUid.Should().Be("sa-uid");
    }

    [Test]
    public void Missing_service_account_is_404()
    {
        var act = () => _f.Requests.Create(TokenFixture.Ns, "ghost", TokenFixture.TokenRequest());

        act.Should().Throw<ApiError>().Which.Message.Should().Be("serviceaccounts \"ghost\" not found");
    }

    [Test]
    public void Lifetime_under_ten_minutes_is_invalid()
    {
        var act = () => _f.Requests.Create(TokenFixture.Ns, "runner", TokenFixture.TokenRequest(expirationSeconds: 599));

        var error = act.Should().Throw<ApiError>().Which;
        error.Code.Should().Be(422);
        error.Message.Should().Be(
            "TokenRequest.authentication.k8s.io \"\" is invalid: spec.expirationSeconds: Invalid value: 599: may not specify a duration less than 10 minutes");
    }

    [Test]
    public void Lifetime_over_48_hours_is_shortened()
    {
        var claims = Claims(_f.Requests.Create(TokenFixture.Ns, "runner", TokenFixture.TokenRequest(expirationSeconds: 7 * 24 * 3600)));

        claims.Expires.Should().Be(TokenFixture.Start.AddHours(48));
    }

    [Test]
    public void Pod_bound_token_carries_the_pod_uid()
    {
        var claims = Claims(_f.Requests.Create(TokenFixture.Ns, "runner", TokenFixture.TokenRequest(boundObjectRef: TokenFixture.PodRef())));

        claims.BoundObject.Should().Be(new BoundObjectReference("Pod", "runner-pod", "pod-uid"));
    }

    [Test]
    public void Secret_bound_token_carries_the_secret_uid()
    {
        var reference = new System.Text.Json.Nodes.JsonObject { ["apiVersion"] = "v1", ["kind"] = "Secret", ["name"] = "runner-secret" };

        var claims = Claims(_f.Requests.Create(TokenFixture.Ns, "runner", TokenFixture.TokenRequest(boundObjectRef: reference)));

        claims.BoundObject.Should().Be(new BoundObjectReference("Secret", "runner-secret", "secret-uid"));
    }

    [Test]
    public void Missing_bound_pod_is_404()
    {
        var act = () => _f.Requests.Create(TokenFixture.Ns, "runner", TokenFixture.TokenRequest(boundObjectRef: TokenFixture.PodRef("gone")));

        act.Should().Throw<ApiError>().Which.Code.Should().Be(404);
    }

    [Test]
    public void Bound_pod_uid_mismatch_is_409()
    {
        var act = () => _f.Requests.Create(TokenFixture.Ns, "runner", TokenFixture.TokenRequest(boundObjectRef: TokenFixture.PodRef(uid: "old-uid")));

        var error = act.Should().Throw<ApiError>().Which;
        error.Code.Should().Be(409);
        error.Message.Should().Contain("the UID in the bound object reference (old-uid) does not match the UID in record");
    }

    [Test]
    public void Pod_of_another_service_account_cannot_be_bound()
    {
        _f.Store.Add(BuiltinResources.Pods, AuthObjects.Pod(TokenFixture.Ns, "other-pod", "other-uid", "default"));

        var act = () => _f.Requests.Create(TokenFixture.Ns, "runner", TokenFixture.TokenRequest(boundObjectRef: TokenFixture.PodRef("other-pod")));

        act.Should().Throw<ApiError>().Which.Code.Should().Be(400);
    }

    [Test]
    public void Binding_to_an_unsupported_kind_is_400()
    {
        var reference = new System.Text.Json.Nodes.JsonObject { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["name"] = "x" };

        var act = () => _f.Requests.Create(TokenFixture.Ns, "runner", TokenFixture.TokenRequest(boundObjectRef: reference));

        act.Should().Throw<ApiError>().Which.Message.Should().Be("cannot bind token to object of type /v1, Kind=ConfigMap");
    }

    [Test]
    public void Request_naming_another_service_account_is_invalid()
    {
        var request = TokenFixture.TokenRequest();
        request["metadata"] = new System.Text.Json.Nodes.JsonObject { ["name"] = "other" };

        var act = () => _f.Requests.Create(TokenFixture.Ns, "runner", request);

        act.Should().Throw<ApiError>().Which.Message.Should().Be(
            "TokenRequest.authentication.k8s.io \"runner\" is invalid: metadata.name: Invalid value: \"other\": must match the service account name if specified");
    }
}
