using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Auth;
using Airlock.ControlPlane.Resources;

namespace Airlock.ControlPlane.Tests.Auth;

public sealed class TokenReviewerTests
{
    private TokenFixture _f = null!;
    private TokenReviewer _reviewer = null!;

    [SetUp]
    public void SetUp()
    {
        _f = new TokenFixture();
        _reviewer = new TokenReviewer(_f.Issuer, [new StaticUser("alice", "alice-token", ["devs"])], _f.Store);
    }

    private JsonObject Status(string token, params string[] audiences) => _reviewer.Review(TokenFixture.TokenReview(token, audiences))["status"]!.AsObject();

    private static void ShouldBeRefused(JsonObject status, string error)
    {
        status["authenticated"]!.GetValue<bool>().Should().BeFalse();
        status["error"]!.GetValue<string>().Should().Contain(error);
        status["user"]!.AsObject().Should().BeEmpty();
    }

    [Test]
    public void Live_pod_token_for_the_requested_audience_is_authenticated()
    {
        var status = Status(_f.PodToken("airlock-gateway"), "airlock-gateway");

        status["authenticated"]!.GetValue<bool>().Should().BeTrue();
        status["user"]!["username"]!.GetValue<string>().Should().Be("system:serviceaccount:team-a:runner");
        status["user"]!["uid"]!.GetValue<string>().Should().Be("sa-uid");
        status["user"]!["groups"]!.AsArray().Select(g => g!.GetValue<string>()).Should()
            .Equal("system:serviceaccounts", "system:serviceaccounts:team-a", "system:authenticated");
        status["user"]!["extra"]!["authentication.kubernetes.io/pod-name"]![0]!.GetValue<string>().Should().Be("runner-pod");
        status["user"]!["extra"]!["authentication.kubernetes.io/pod-uid"]![0]!.GetValue<string>().Should().Be("pod-uid");
        status["user"]!["extra"]!["authentication.kubernetes.io/credential-id"]![0]!.GetValue<string>().Should().StartWith("JTI=");
        status["audiences"]!.AsArray().Select(a => a!.GetValue<string>()).Should().Equal("airlock-gateway");
    }

    [Test]
    public void Review_returns_the_full_object()
    {
        var review = _reviewer.Review(TokenFixture.TokenReview(_f.PodToken()));

        review["apiVersion"]!.GetValue<string>().Should().Be("authentication.k8s.io/v1");
        review["kind"]!.GetValue<string>().Should().Be("TokenReview");
        review["spec"]!["token"].Should().NotBeNull();
    }

    [Test]
    public void No_requested_audience_means_the_API_audience()
    {
        var status = Status(_f.PodToken());

        status["audiences"]!.AsArray().Select(a => a!.GetValue<string>()).Should().Equal(ServiceAccountTokenIssuer.ApiServerAudience);
    }

    [Test]
    public void Malformed_token_is_refused() => ShouldBeRefused(Status("garbage"), "malformed token");

    [Test]
    public void Token_with_a_broken_signature_is_refused()
    {
        var token = _f.PodToken("airlock-gateway");
        var broken = token[..^4] + (token[^4] == 'A' ? "BBBB" : "AAAA");

        ShouldBeRefused(Status(broken, "airlock-gateway"), "invalid bearer token");
    }

    [Test]
    public void Expired_token_is_refused()
    {
        var token = _f.PodToken("airlock-gateway");
        _f.Clock.Now = TokenFixture.Start.AddMinutes(12);

        ShouldBeRefused(Status(token, "airlock-gateway"), "token is expired");
    }

    [Test]
    public void Token_for_another_audience_is_refused()
    {
        ShouldBeRefused(Status(_f.PodToken(), "airlock-gateway"), "is invalid for the target audiences");
    }

    [Test]
    public void Token_of_a_deleted_service_account_is_refused()
    {
        var token = _f.PodToken("airlock-gateway");
        _f.Store.Remove(BuiltinResources.ServiceAccounts, TokenFixture.Ns, "runner");

        ShouldBeRefused(Status(token, "airlock-gateway"), "invalidated");
    }

    [Test]
    public void Token_of_a_recreated_service_account_is_refused()
    {
        var token = _f.PodToken("airlock-gateway");
        _f.Store.Add(BuiltinResources.ServiceAccounts, AuthObjects.ServiceAccount(TokenFixture.Ns, "runner", "new-sa-uid"));

        ShouldBeRefused(Status(token, "airlock-gateway"), "service account UID (new-sa-uid) does not match claim (sa-uid)");
    }

    [Test]
    public void Token_of_a_deleted_pod_is_refused()
    {
        var token = _f.PodToken("airlock-gateway");
        _f.Store.Remove(BuiltinResources.Pods, TokenFixture.Ns, "runner-pod");

        ShouldBeRefused(Status(token, "airlock-gateway"), "invalidated");
    }

    [Test]
    public void Token_of_a_recreated_pod_is_refused()
    {
        var token = _f.PodToken("airlock-gateway");
        _f.Store.Add(BuiltinResources.Pods, AuthObjects.Pod(TokenFixture.Ns, "runner-pod", "new-pod-uid", "runner"));

        ShouldBeRefused(Status(token, "airlock-gateway"), "pod UID (new-pod-uid) does not match claim (pod-uid)");
    }

    [Test]
    public void Token_of_a_pod_deleted_over_a_minute_ago_is_refused()
    {
        var token = _f.PodToken("airlock-gateway");
        var pod = AuthObjects.Pod(TokenFixture.Ns, "runner-pod", "pod-uid", "runner");
        pod["metadata"]!["deletionTimestamp"] = "2025-06-01T12:00:00Z";
        _f.Store.Add(BuiltinResources.Pods, pod);
        _f.Clock.Now = TokenFixture.Start.AddMinutes(2);

        ShouldBeRefused(Status(token, "airlock-gateway"), "invalidated");
    }

    [Test]
    public void Token_of_a_deleted_secret_is_refused()
    {
        var reference = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Secret", ["name"] = "runner-secret" };
        var token = _f.Requests.Create(TokenFixture.Ns, "runner", TokenFixture.TokenRequest(null, 600, reference))["status"]!["token"]!.GetValue<string>();
        _f.Store.Remove(BuiltinResources.Secrets, TokenFixture.Ns, "runner-secret");

        ShouldBeRefused(Status(token), "invalidated");
    }

    [Test]
    public void Static_token_is_authenticated_for_the_API_audience()
    {
        var status = Status("alice-token");

        status["authenticated"]!.GetValue<bool>().Should().BeTrue();
        status["user"]!["username"]!.GetValue<string>().Should().Be("alice");
    }

    [Test]
    public void Static_token_is_refused_for_another_audience() => ShouldBeRefused(Status("alice-token", "airlock-gateway"), "audiences");

    [Test]
    public void Empty_token_is_a_bad_request()
    {
        var act = () => _reviewer.Review(TokenFixture.TokenReview(""));

        act.Should().Throw<ApiError>().Which.Code.Should().Be(400);
    }
}
