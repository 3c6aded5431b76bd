using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Auth;
using Airlock.ControlPlane.Resources;
using static Airlock.ControlPlane.Tests.Auth.AuthObjects;

namespace Airlock.ControlPlane.Tests.Auth;

public sealed class ImpersonationTests
{
    private static readonly UserInfo Alice = new("alice", ["system:authenticated"]);
    private InMemoryObjectReader _store = null!;
    private RbacAuthorizer _rbac = null!;

    [SetUp]
    public void SetUp()
    {
        _store = new InMemoryObjectReader();
        _rbac = new RbacAuthorizer(_store);
    }

    private void AllowAliceTo(params Airlock.ControlPlane.Tests.Auth.RuleSpec[] rules)
    {
        _store.Add(BuiltinResources.ClusterRoles, Role(null, "impersonator", rules.Select(r => r.Json).ToArray()))
            .Add(BuiltinResources.ClusterRoleBindings, Binding(null, "impersonator", "ClusterRole", "impersonator", User("alice")));
    }

    private static Dictionary<string, IReadOnlyList<string>> Headers(params (string Name, string Value)[] headers) =>
        headers.GroupBy(h => h.Name).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(h => h.Value).ToList());

    private UserInfo Resolve(params (string Name, string Value)[] headers) => Impersonation.Resolve(Alice, Headers(headers), _rbac);

    [Test]
    public void Without_headers_the_requester_is_kept() => Resolve().Should().BeSameAs(Alice);

    [Test]
    public void Allowed_user_impersonation_yields_that_user_authenticated()
    {
        AllowAliceTo(new RuleSpec(["impersonate"], "", ["users"], ["bob"]));

        var user = Resolve(("Impersonate-User", "bob"));

        user.Name.Should().Be("bob");
        user.Groups.Should().Equal("system:authenticated");
    }

    [Test]
    public void Refused_user_impersonation_is_403_with_the_API_server_text()
    {
        var act = () => Resolve(("Impersonate-User", "bob"));

        var error = act.Should().Throw<ApiError>().Which;
        error.Code.Should().Be(403);
        error.Message.Should().Be("users \"bob\" is forbidden: User \"alice\" cannot impersonate resource \"users\" in API group \"\" at the cluster scope");
    }

    [Test]
    public void Each_group_is_checked()
    {
        AllowAliceTo(new RuleSpec(["impersonate"], "", ["users"], ["bob"]), new RuleSpec(["impersonate"], "", ["groups"], ["devs"]));

        Resolve(("Impersonate-User", "bob"), ("Impersonate-Group", "devs")).Groups.Should().Equal("devs", "system:authenticated");
        var act = () => Resolve(("Impersonate-User", "bob"), ("Impersonate-Group", "devs"), ("Impersonate-Group", "system:masters"));
        act.Should().Throw<ApiError>().Which.Message.Should().StartWith("groups \"system:masters\" is forbidden: User \"alice\" cannot impersonate resource \"groups\"");
    }

    [Test]
    public void Service_account_impersonation_is_checked_on_serviceaccounts_in_its_namespace()
    {
        _store.Add(BuiltinResources.Roles, Role("team-a", "sa-impersonator", Rule(["impersonate"], [""], ["serviceaccounts"])))
            .Add(BuiltinResources.RoleBindings, Binding("team-a", "sa-impersonator", "Role", "sa-impersonator", User("alice")));

        var user = Resolve(("Impersonate-User", "system:serviceaccount:team-a:runner"));

        user.Groups.Should().Equal("system:serviceaccounts", "system:serviceaccounts:team-a", "system:authenticated");
        var act = () => Resolve(("Impersonate-User", "system:serviceaccount:team-b:runner"));
        act.Should().Throw<ApiError>().Which.Message.Should().Be(
            "serviceaccounts \"runner\" is forbidden: User \"alice\" cannot impersonate resource \"serviceaccounts\" in API group \"\" in the namespace \"team-b\"");
    }

    [Test]
    public void Uid_and_extra_are_checked_in_the_authentication_group()
    {
        AllowAliceTo(new RuleSpec(["impersonate"], "", ["users"], null), new RuleSpec(["impersonate"], "authentication.k8s.io", ["uids"], ["1234"]),
            new RuleSpec(["impersonate"], "authentication.k8s.io", ["userextras/scopes"], ["view"]));

        var user = Resolve(("Impersonate-User", "bob"), ("Impersonate-Uid", "1234"), ("Impersonate-Extra-Scopes", "view"));

        user.Uid.Should().Be("1234");
        user.Extra["scopes"].Should().Equal("view");
        var act = () => Resolve(("Impersonate-User", "bob"), ("Impersonate-Extra-Scopes", "admin"));
        act.Should().Throw<ApiError>().Which.Message.Should().StartWith(
            "userextras.authentication.k8s.io \"admin\" is forbidden: User \"alice\" cannot impersonate resource \"userextras/scopes\" in API group \"authentication.k8s.io\"");
    }

    [Test]
    public void Percent_encoded_extra_keys_are_decoded()
    {
        AllowAliceTo(new RuleSpec(["impersonate"], "", ["users"], null), new RuleSpec(["impersonate"], "authentication.k8s.io", ["userextras/example.com/team"], null));

        Resolve(("Impersonate-User", "bob"), ("Impersonate-Extra-Example.com%2Fteam", "a")).Extra.Keys.Should().Equal("example.com/team");
    }

    [Test]
    public void Groups_without_a_user_are_a_bad_request()
    {
        AllowAliceTo(new RuleSpec(["impersonate"], "", ["groups"], null));

        var act = () => Resolve(("Impersonate-Group", "devs"));

        act.Should().Throw<ApiError>().Which.Code.Should().Be(400);
    }

    [Test]
    public void Masters_may_impersonate_anyone() =>
        Impersonation.Resolve(new UserInfo("root", ["system:masters"]), Headers(("Impersonate-User", "bob")), _rbac).Name.Should().Be("bob");
}
