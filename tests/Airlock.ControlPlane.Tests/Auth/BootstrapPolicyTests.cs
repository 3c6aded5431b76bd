using Airlock.ControlPlane.Auth;
using Airlock.ControlPlane.Resources;
using static Airlock.ControlPlane.Tests.Auth.AuthObjects;

namespace Airlock.ControlPlane.Tests.Auth;

public sealed class BootstrapPolicyTests
{
    private static readonly UserInfo Alice = new("alice", ["system:authenticated"]);
    private static readonly UserInfo Anonymous = new("system:anonymous", ["system:unauthenticated"]);

    private InMemoryObjectReader _store = null!;
    private RbacAuthorizer _rbac = null!;

    [SetUp]
    public void SetUp()
    {
        _store = new InMemoryObjectReader().AddAll(BootstrapPolicy.Objects());
        _rbac = new RbacAuthorizer(_store);
    }

    private bool CanGetPath(UserInfo user, string path) => _rbac.Authorize(new AuthorizationAttributes(user, "get", false, path)).Allowed;

    private bool Can(UserInfo user, string verb, string resource, string group = "", string subresource = "") =>
        _rbac.Authorize(new AuthorizationAttributes(user, verb, true, ApiGroup: group, Resource: resource, Subresource: subresource, Namespace: "team-a")).Allowed;

    private void Bind(string clusterRole) =>
        _store.Add(BuiltinResources.RoleBindings, Binding("team-a", clusterRole, "ClusterRole", clusterRole, User("alice")));

    [Test]
    public void Every_object_is_labelled_as_an_rbac_default()
    {
        BootstrapPolicy.Objects().Should().OnlyContain(o => o["metadata"]!["labels"]!["kubernetes.io/bootstrapping"]!.GetValue<string>() == "rbac-defaults");
    }

    [Test]
    public void Cluster_admin_is_bound_to_system_masters()
    {
        var rules = _rbac.RulesFor(new UserInfo("root", ["system:masters"]), "team-a").Rules;

        rules.Should().Contain(r => r.Verbs.Contains("*") && r.Resources.Contains("*") && r.ApiGroups.Contains("*"));
    }

    [TestCase("/api")]
    [TestCase("/apis/apps/v1")]
    [TestCase("/openapi/v3")]
    [TestCase("/version")]
    [TestCase("/readyz")]
    public void Authenticated_users_may_read_discovery(string path) => CanGetPath(Alice, path).Should().BeTrue();

    [Test]
    public void Authenticated_users_may_not_read_other_paths() => CanGetPath(Alice, "/metrics").Should().BeFalse();

    [Test]
    public void Anonymous_users_see_health_but_not_discovery()
    {
        CanGetPath(Anonymous, "/healthz").Should().BeTrue();
        CanGetPath(Anonymous, "/api").Should().BeFalse();
    }

    [Test]
    public void Authenticated_users_may_ask_what_they_can_do()
    {
        Can(Alice, "create", "selfsubjectaccessreviews", "authorization.k8s.io").Should().BeTrue();
        Can(Alice, "create", "selfsubjectrulesreviews", "authorization.k8s.io").Should().BeTrue();
        Can(Alice, "create", "selfsubjectreviews", "authentication.k8s.io").Should().BeTrue();
        Can(Alice, "create", "subjectaccessreviews", "authorization.k8s.io").Should().BeFalse();
    }

    [Test]
    public void View_reads_workloads_but_not_secrets()
    {
        Bind("view");

        Can(Alice, "list", "pods").Should().BeTrue();
        Can(Alice, "get", "pods", subresource: "log").Should().BeTrue();
        Can(Alice, "get", "secrets").Should().BeFalse();
        Can(Alice, "update", "configmaps").Should().BeFalse();
    }

    [Test]
    public void Edit_writes_workloads_and_reads_secrets_but_not_RBAC()
    {
        Bind("edit");

        Can(Alice, "create", "pods").Should().BeTrue();
        Can(Alice, "list", "pods").Should().BeTrue();
        Can(Alice, "get", "secrets").Should().BeTrue();
        Can(Alice, "create", "roles", "rbac.authorization.k8s.io").Should().BeFalse();
    }

    [Test]
    public void Admin_also_manages_namespace_RBAC()
    {
        Bind("admin");

        Can(Alice, "create", "rolebindings", "rbac.authorization.k8s.io").Should().BeTrue();
        Can(Alice, "delete", "deployments", "apps").Should().BeTrue();
        Can(Alice, "watch", "networkpolicies", "networking.k8s.io").Should().BeTrue();
    }
}
