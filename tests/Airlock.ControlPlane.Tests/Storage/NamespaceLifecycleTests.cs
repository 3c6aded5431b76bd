using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Resources;
using Airlock.ControlPlane.Storage;
using Airlock.ControlPlane.Storage.Controllers;

namespace Airlock.ControlPlane.Tests.Storage;

public class NamespaceLifecycleTests
{
    private static JsonObject Namespace(string name) => new() { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = name } };

    [Test]
    public void The_standard_namespaces_exist_at_start()
    {
        new ObjectStore().List(BuiltinResources.Namespaces, null).Select(ObjectMeta.Name)
            .Should().BeEquivalentTo("default", "kube-system", "kube-public", "kube-node-lease");
    }

    [Test]
    public void A_new_namespace_gets_a_default_service_account()
    {
        var store = new ObjectStore();
        store.Create(BuiltinResources.Namespaces, Namespace("team"));
        store.Get(BuiltinResources.ServiceAccounts, "team", "default").Should().NotBeNull();
    }

    [Test]
    public void Namespace_names_must_be_DNS_labels()
    {
        var act = () => new ObjectStore().Create(BuiltinResources.Namespaces, Namespace("a.b"));
        act.Should().Throw<ApiError>().Where(e => e.Code == 422 && e.Message.Contains("RFC 1123 label"));
    }

    [Test]
    public void Deleting_a_namespace_marks_it_Terminating()
    {
        var store = new ObjectStore();
        store.Create(BuiltinResources.Namespaces, Namespace("team"));
        var result = store.Delete(BuiltinResources.Namespaces, null, "team");
        result.Object["status"]!["phase"]!.GetValue<string>().Should().Be("Terminating");
    }

    [Test]
    public void Creating_into_a_terminating_namespace_is_forbidden()
    {
        var store = new ObjectStore();
        store.Create(BuiltinResources.Namespaces, Namespace("team"));
        store.Delete(BuiltinResources.Namespaces, null, "team");
        var act = () => store.Create(BuiltinResources.ConfigMaps, Objects.ConfigMap("a", "team"));
        act.Should().Throw<ApiError>().Where(e => e.Code == 403
            && e.Message == "configmaps \"a\" is forbidden: unable to create new content in namespace team because it is being terminated");
    }

    [Test]
    public void A_terminating_namespace_loses_its_content_and_then_goes()
    {
        var store = new ObjectStore();
        store.Create(BuiltinResources.Namespaces, Namespace("team"));
        store.Create(BuiltinResources.ConfigMaps, Objects.ConfigMap("a", "team"));
        store.Delete(BuiltinResources.Namespaces, null, "team");
        var controller = new NamespaceController(store);
        controller.Run();
        store.Get(BuiltinResources.ConfigMaps, "team", "a").Should().BeNull();
        controller.Run();
        store.Get(BuiltinResources.Namespaces, null, "team").Should().BeNull();
    }
}
