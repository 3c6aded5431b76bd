using Airlock.ControlPlane.Auth;
using Airlock.ControlPlane.Resources;

namespace Airlock.ControlPlane.Tests.Auth;

public sealed class AuthenticatorTests
{
    private TokenFixture _f = null!;
    private Authenticator _authenticator = null!;

    [SetUp]
    public void SetUp()
    {
        _f = new TokenFixture();
        _authenticator = new Authenticator([new StaticUser("admin", "admin-token", ["system:masters"]), new StaticUser("alice", "alice-token", [])],
            _f.Issuer, _f.Store);
    }

    [Test]
    public void Static_token_yields_its_user_with_system_authenticated()
    {
        var user = _authenticator.AuthenticateBearer("admin-token");

        user!.Name.Should().Be("admin");
        user.Groups.Should().Equal("system:masters", "system:authenticated");
    }

    [TestCase("alice-token ")]
    [TestCase("alice-toke")]
    [TestCase("")]
    public void Unknown_token_is_unauthenticated(string token) => _authenticator.AuthenticateBearer(token).Should().BeNull();

    [Test]
    public void Service_account_token_for_the_API_yields_the_service_account_user()
    {
        var user = _authenticator.AuthenticateBearer(_f.PodToken());

        user!.Name.Should().Be("system:serviceaccount:team-a:runner");
        user.Uid.Should().Be("sa-uid");
        user.Groups.Should().Equal("system:serviceaccounts", "system:serviceaccounts:team-a", "system:authenticated");
        user.Extra["authentication.kubernetes.io/pod-name"].Should().Equal("runner-pod");
    }

    [Test]
    public void Gateway_token_is_not_a_credential_for_the_API() =>
        _authenticator.AuthenticateBearer(_f.PodToken("airlock-gateway")).Should().BeNull();

    [Test]
    public void Token_of_a_deleted_pod_is_unauthenticated()
    {
        var token = _f.PodToken();
        _f.Store.Remove(BuiltinResources.Pods, TokenFixture.Ns, "runner-pod");

        _authenticator.AuthenticateBearer(token).Should().BeNull();
    }
}
