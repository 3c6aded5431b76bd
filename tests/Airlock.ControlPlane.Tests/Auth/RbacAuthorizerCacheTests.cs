using Airlock.ControlPlane.Auth;
using Airlock.ControlPlane.Resources;
using Airlock.ControlPlane.Storage;
using static Airlock.ControlPlane.Tests.Auth.AuthObjects;

namespace Airlock.ControlPlane.Tests.Auth;

/// <summary>Over the store (which tracks revisions), grants are resolved once per RBAC change and never served stale.</summary>
public sealed class RbacAuthorizerCacheTests
{
    private static readonly UserInfo Alice = new("alice", ["devs", "system:authenticated"]);

    private static AuthorizationAttributes GetPods() =>
        new(Alice, "get", true, ApiGroup: "", ApiVersion: "v1", Resource: "pods", Subresource: "", Namespace: "default", Name: "");

    private static ObjectStore StoreWithRole()
    {
        var store = new ObjectStore();
        store.Create(BuiltinResources.Roles, Role("default", "reader", Rule(["get"], [""], ["pods"])));
        return store;
    }

    [Test]
    public void A_binding_created_after_a_denial_grants_on_the_next_request()
    {
        var store = StoreWithRole();
        var rbac = new RbacAuthorizer(store);
        rbac.Authorize(GetPods()).Allowed.Should().BeFalse();

        store.Create(BuiltinResources.RoleBindings, Binding("default", "alice-reads", "Role", "reader", User("alice")));

        rbac.Authorize(GetPods()).Allowed.Should().BeTrue();
    }

    [Test]
    public void A_deleted_binding_stops_granting_on_the_next_request()
    {
        var store = StoreWithRole();
        store.Create(BuiltinResources.RoleBindings, Binding("default", "alice-reads", "Role", "reader", User("alice")));
        var rbac = new RbacAuthorizer(store);
        rbac.Authorize(GetPods()).Allowed.Should().BeTrue();

        store.Delete(BuiltinResources.RoleBindings, "default", "alice-reads");

        rbac.Authorize(GetPods()).Allowed.Should().BeFalse();
    }

    [Test]
    public void A_changed_role_applies_on_the_next_request()
    {
        var store = StoreWithRole();
        store.Create(BuiltinResources.RoleBindings, Binding("default", "alice-reads", "Role", "reader", User("alice")));
        var rbac = new RbacAuthorizer(store);
        rbac.Authorize(GetPods()).Allowed.Should().BeTrue();

        var role = store.Get(BuiltinResources.Roles, "default", "reader")!;
        role["rules"] = new System.Text.Json.Nodes.JsonArray(Rule(["list"], [""], ["pods"]));
        store.Update(BuiltinResources.Roles, role);

        rbac.Authorize(GetPods()).Allowed.Should().BeFalse();
    }
}
