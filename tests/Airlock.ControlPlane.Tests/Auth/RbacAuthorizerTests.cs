using Airlock.ControlPlane.Auth;
using Airlock.ControlPlane.Resources;
using static Airlock.ControlPlane.Tests.Auth.AuthObjects;

namespace Airlock.ControlPlane.Tests.Auth;

public sealed class RbacAuthorizerTests
{
    private static readonly UserInfo Alice = new("alice", ["devs", "system:authenticated"]);
    private static readonly UserInfo Runner = new("system:serviceaccount:team-a:runner", ["system:serviceaccounts", "system:authenticated"]);

    private InMemoryObjectReader _store = null!;
    private RbacAuthorizer _rbac = null!;

    [SetUp]
    public void SetUp()
    {
        _store = new InMemoryObjectReader();
        _rbac = new RbacAuthorizer(_store);
    }

    private static AuthorizationAttributes Request(UserInfo user, string verb, string resource, string ns = "team-a", string name = "",
        string subresource = "", string group = "") =>
        new(user, verb, true, ApiGroup: group, ApiVersion: "v1", Resource: resource, Subresource: subresource, Namespace: ns, Name: name);

    private bool Allowed(AuthorizationAttributes request) => _rbac.Authorize(request).Allowed;

    private void Grant(string[] verbs, string[] resources, string[]? names = null, string[]? groups = null)
    {
        _store.Add(BuiltinResources.Roles, Role("team-a", "r", Rule(verbs, groups ?? [""], resources, names)))
            .Add(BuiltinResources.RoleBindings, Binding("team-a", "rb", "Role", "r", User("alice")));
    }

    [Test]
    public void Nothing_is_allowed_without_a_binding() => Allowed(Request(Alice, "get", "pods")).Should().BeFalse();

    [Test]
    public void System_masters_bypass_RBAC() => Allowed(Request(new UserInfo("root", ["system:masters"]), "delete", "nodes", ns: "")).Should().BeTrue();

    [Test]
    public void Role_grants_its_verbs_on_its_resources()
    {
        Grant(["get", "list"], ["pods"]);

        Allowed(Request(Alice, "list", "pods")).Should().BeTrue();
        Allowed(Request(Alice, "delete", "pods")).Should().BeFalse();
        Allowed(Request(Alice, "get", "secrets")).Should().BeFalse();
    }

    [Test]
    public void Role_grants_nothing_in_another_namespace()
    {
        Grant(["get"], ["pods"]);

        Allowed(Request(Alice, "get", "pods", ns: "team-b")).Should().BeFalse();
    }

    [Test]
    public void Api_group_must_match()
    {
        Grant(["get"], ["deployments"], groups: ["apps"]);

        Allowed(Request(Alice, "get", "deployments", group: "apps")).Should().BeTrue();
        Allowed(Request(Alice, "get", "deployments", group: "extensions")).Should().BeFalse();
    }

    [Test]
    public void Resource_names_restrict_the_grant_to_those_objects()
    {
        Grant(["get", "list"], ["configmaps"], ["settings"]);

        Allowed(Request(Alice, "get", "configmaps", name: "settings")).Should().BeTrue();
        Allowed(Request(Alice, "get", "configmaps", name: "other")).Should().BeFalse();
        Allowed(Request(Alice, "list", "configmaps")).Should().BeFalse();
    }

    [Test]
    public void Resource_alone_does_not_grant_its_subresources()
    {
        Grant(["get"], ["pods"]);

        Allowed(Request(Alice, "get", "pods", name: "p", subresource: "log")).Should().BeFalse();
    }

    [Test]
    public void Resource_slash_subresource_grants_only_that_subresource()
    {
        Grant(["get"], ["pods/log"]);

        Allowed(Request(Alice, "get", "pods", name: "p", subresource: "log")).Should().BeTrue();
        Allowed(Request(Alice, "get", "pods", name: "p")).Should().BeFalse();
    }

    [Test]
    public void Star_slash_subresource_grants_that_subresource_of_any_resource()
    {
        Grant(["update"], ["*/status"]);

        Allowed(Request(Alice, "update", "pods", name: "p", subresource: "status")).Should().BeTrue();
        Allowed(Request(Alice, "update", "services", name: "s", subresource: "status")).Should().BeTrue();
        Allowed(Request(Alice, "update", "pods", name: "p")).Should().BeFalse();
    }

    [Test]
    public void Wildcards_grant_every_verb_group_and_resource()
    {
        Grant(["*"], ["*"], groups: ["*"]);

        Allowed(Request(Alice, "deletecollection", "agenttasks", group: "agents.airlock.dev")).Should().BeTrue();
        Allowed(Request(Alice, "get", "pods", name: "p", subresource: "exec")).Should().BeTrue();
    }

    [Test]
    public void Custom_verbs_are_matched_literally()
    {
        Grant(["approve"], ["agenttasks"], groups: ["agents.airlock.dev"]);

        Allowed(Request(Alice, "approve", "agenttasks", group: "agents.airlock.dev")).Should().BeTrue();
        Allowed(Request(Alice, "update", "agenttasks", group: "agents.airlock.dev")).Should().BeFalse();
    }

    [Test]
    public void Non_resource_url_rules_match_exact_paths_and_trailing_star_prefixes()
    {
        _store.Add(BuiltinResources.ClusterRoles, Role(null, "disco", NonResourceRule(["get"], ["/version", "/apis/*"])))
            .Add(BuiltinResources.ClusterRoleBindings, Binding(null, "disco", "ClusterRole", "disco", Group("devs")));

        Allowed(new AuthorizationAttributes(Alice, "get", false, "/version")).Should().BeTrue();
        Allowed(new AuthorizationAttributes(Alice, "get", false, "/apis/apps/v1")).Should().BeTrue();
        Allowed(new AuthorizationAttributes(Alice, "get", false, "/version/x")).Should().BeFalse();
        Allowed(new AuthorizationAttributes(Alice, "post", false, "/version")).Should().BeFalse();
    }

    [Test]
    public void RoleBinding_to_a_ClusterRole_grants_only_in_the_binding_namespace()
    {
        _store.Add(BuiltinResources.ClusterRoles, Role(null, "reader", Rule(["get"], [""], ["pods"])))
            .Add(BuiltinResources.RoleBindings, Binding("team-a", "read", "ClusterRole", "reader", User("alice")));

        Allowed(Request(Alice, "get", "pods")).Should().BeTrue();
        Allowed(Request(Alice, "get", "pods", ns: "team-b")).Should().BeFalse();
        Allowed(Request(Alice, "get", "pods", ns: "")).Should().BeFalse();
    }

    [Test]
    public void ClusterRoleBinding_grants_in_every_namespace_and_at_cluster_scope()
    {
        _store.Add(BuiltinResources.ClusterRoles, Role(null, "reader", Rule(["get"], [""], ["pods", "nodes"])))
            .Add(BuiltinResources.ClusterRoleBindings, Binding(null, "read", "ClusterRole", "reader", User("alice")));

        Allowed(Request(Alice, "get", "pods", ns: "team-b")).Should().BeTrue();
        Allowed(Request(Alice, "get", "nodes", ns: "")).Should().BeTrue();
    }

    [Test]
    public void Service_account_subject_defaults_to_the_binding_namespace()
    {
        _store.Add(BuiltinResources.Roles, Role("team-a", "r", Rule(["get"], [""], ["configmaps"])))
            .Add(BuiltinResources.RoleBindings, Binding("team-a", "rb", "Role", "r", ServiceAccountSubject("runner")));

        Allowed(Request(Runner, "get", "configmaps")).Should().BeTrue();
    }

    [Test]
    public void Service_account_subject_names_one_namespace_only()
    {
        _store.Add(BuiltinResources.ClusterRoles, Role(null, "reader", Rule(["get"], [""], ["configmaps"])))
            .Add(BuiltinResources.ClusterRoleBindings, Binding(null, "crb", "ClusterRole", "reader", ServiceAccountSubject("runner", "team-b")));

        Allowed(Request(Runner, "get", "configmaps")).Should().BeFalse();
    }

    [Test]
    public void Group_subject_matches_members()
    {
        _store.Add(BuiltinResources.Roles, Role("team-a", "r", Rule(["get"], [""], ["pods"])))
            .Add(BuiltinResources.RoleBindings, Binding("team-a", "rb", "Role", "r", Group("system:serviceaccounts")));

        Allowed(Request(Runner, "get", "pods")).Should().BeTrue();
        Allowed(Request(Alice, "get", "pods")).Should().BeFalse();
    }

    [Test]
    public void Allowed_decision_names_the_binding_role_and_subject()
    {
        _store.Add(BuiltinResources.ClusterRoles, Role(null, "reader", Rule(["get"], [""], ["pods"])))
            .Add(BuiltinResources.ClusterRoleBindings, Binding(null, "read", "ClusterRole", "reader", User("alice")))
            .Add(BuiltinResources.RoleBindings, Binding("team-a", "sa-read", "ClusterRole", "reader", ServiceAccountSubject("runner")));

        _rbac.Authorize(Request(Alice, "get", "pods")).Reason.Should().Be("RBAC: allowed by ClusterRoleBinding \"read\" of ClusterRole \"reader\" to User \"alice\"");
        _rbac.Authorize(Request(Runner, "get", "pods")).Reason.Should()
            .Be("RBAC: allowed by RoleBinding \"sa-read/team-a\" of ClusterRole \"reader\" to ServiceAccount \"runner/team-a\"");
    }

    [Test]
    public void Plain_denial_has_no_reason() => _rbac.Authorize(Request(Alice, "get", "pods")).Reason.Should().BeEmpty();

    [Test]
    public void Binding_to_a_missing_role_is_named_in_the_denial()
    {
        _store.Add(BuiltinResources.RoleBindings, Binding("team-a", "rb", "Role", "gone", User("alice")));

        _rbac.Authorize(Request(Alice, "get", "pods")).Reason.Should().Be("RBAC: role.rbac.authorization.k8s.io \"gone\" not found");
    }

    [Test]
    public void Aggregated_ClusterRole_grants_the_rules_of_the_roles_it_selects()
    {
        var aggregate = Role(null, "aggregate");
        aggregate["aggregationRule"] = System.Text.Json.Nodes.JsonNode.Parse("""{"clusterRoleSelectors":[{"matchLabels":{"example.com/aggregate":"true"}}]}""");
        var part = Role(null, "part", Rule(["get"], [""], ["configmaps"]));
        part["metadata"]!["labels"] = new System.Text.Json.Nodes.JsonObject { ["example.com/aggregate"] = "true" };
        _store.Add(BuiltinResources.ClusterRoles, aggregate).Add(BuiltinResources.ClusterRoles, part)
            .Add(BuiltinResources.ClusterRoleBindings, Binding(null, "agg", "ClusterRole", "aggregate", User("alice")));

        Allowed(Request(Alice, "get", "configmaps")).Should().BeTrue();
        Allowed(Request(Alice, "get", "secrets")).Should().BeFalse();
    }

    [Test]
    public void Rules_for_a_user_cover_cluster_and_namespace_bindings()
    {
        _store.Add(BuiltinResources.ClusterRoles, Role(null, "disco", NonResourceRule(["get"], ["/version"])))
            .Add(BuiltinResources.ClusterRoleBindings, Binding(null, "disco", "ClusterRole", "disco", Group("devs")));
        Grant(["get"], ["pods"]);

        var resolution = _rbac.RulesFor(Alice, "team-a");

        resolution.Rules.Should().HaveCount(2);
        _rbac.RulesFor(Alice, "team-b").Rules.Should().HaveCount(1);
    }
}
