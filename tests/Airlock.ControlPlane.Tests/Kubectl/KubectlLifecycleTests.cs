using System.Text.Json.Nodes;
using Airlock.Testing;

namespace Airlock.ControlPlane.Tests.Kubectl;

/// <summary>kubectl against object lifecycles: CRDs, finalizers, owner-reference garbage collection.</summary>
public class KubectlLifecycleTests : SharedClusterFixture
{
    private const string CrdYaml = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: gadgets.e2e.airlock.dev
        spec:
          group: e2e.airlock.dev
          names: {plural: gadgets, singular: gadget, kind: Gadget, shortNames: [gdg]}
          scope: Namespaced
          versions:
          - name: v1
            served: true
            storage: true
            subresources: {status: {}}
            additionalPrinterColumns:
            - {name: Size, type: integer, jsonPath: .spec.size}
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec: {type: object, properties: {size: {type: integer}}}
                  status: {type: object, x-kubernetes-preserve-unknown-fields: true}
        """;

    [Test]
    public async Task A_crd_defined_kind_can_be_applied_listed_and_deleted()
    {
        (await Cluster.Kubectl.RunAsync(["apply", "-f", "-"], CrdYaml)).EnsureSuccess();
        (await Cluster.Kubectl.RunAsync("wait", "--for", "condition=Established", "crd/gadgets.e2e.airlock.dev", "--timeout", "20s")).EnsureSuccess();
        await using var ns = await Cluster.CreateNamespaceAsync();
        var gadget = "apiVersion: e2e.airlock.dev/v1\nkind: Gadget\nmetadata:\n  name: g1\nspec:\n  size: 3\n";
        (await Cluster.Kubectl.RunAsync(["-n", ns.Name, "apply", "-f", "-"], gadget)).EnsureSuccess();
        var table = (await Cluster.Kubectl.RunAsync("-n", ns.Name, "get", "gdg")).EnsureSuccess();
        table.Stdout.Should().MatchRegex(@"NAME\s+SIZE").And.MatchRegex(@"g1\s+3");
        (await Cluster.Kubectl.RunAsync("-n", ns.Name, "delete", "gadget", "g1")).EnsureSuccess();
    }

    [Test]
    public async Task A_finalizer_holds_a_deleted_object_until_it_is_removed()
    {
        await using var ns = await Cluster.CreateNamespaceAsync();
        var held = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: held\n  finalizers: [e2e.airlock.dev/hold]\n";
        (await Cluster.Kubectl.RunAsync(["-n", ns.Name, "create", "--validate=false", "-f", "-"], held)).EnsureSuccess();
        (await Cluster.Kubectl.RunAsync("-n", ns.Name, "delete", "cm", "held", "--wait=false")).EnsureSuccess();
        var json = JsonNode.Parse((await Cluster.Kubectl.RunAsync("-n", ns.Name, "get", "cm", "held", "-o", "json")).EnsureSuccess().Stdout)!.AsObject();
        json["metadata"]!["deletionTimestamp"].Should().NotBeNull();
        json["metadata"]!.AsObject().Remove("finalizers");
        (await Cluster.Kubectl.RunAsync(["-n", ns.Name, "replace", "--validate=false", "-f", "-"], json.ToJsonString())).EnsureSuccess();
        await Eventually.UntilAsync(async () => (await Cluster.Kubectl.RunAsync("-n", ns.Name, "get", "cm", "held")).Stderr.Contains("not found"),
            "the configmap to go once its finalizer is removed");
    }

    [Test]
    public async Task Deleting_an_owner_garbage_collects_its_dependent()
    {
        await using var ns = await Cluster.CreateNamespaceAsync();
        (await Cluster.Kubectl.RunAsync("-n", ns.Name, "create", "configmap", "owner")).EnsureSuccess();
        var uid = (await Cluster.Kubectl.RunAsync("-n", ns.Name, "get", "cm", "owner", "-o", "jsonpath={.metadata.uid}")).EnsureSuccess().Stdout;
        var dependent = $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dependent\n  ownerReferences:\n  - {{apiVersion: v1, kind: ConfigMap, name: owner, uid: {uid}}}\n";
        (await Cluster.Kubectl.RunAsync(["-n", ns.Name, "create", "--validate=false", "-f", "-"], dependent)).EnsureSuccess();
        (await Cluster.Kubectl.RunAsync("-n", ns.Name, "delete", "cm", "owner")).EnsureSuccess();
        await Eventually.UntilAsync(async () => (await Cluster.Kubectl.RunAsync("-n", ns.Name, "get", "cm", "dependent")).Stderr.Contains("not found"),
            "the dependent to be garbage-collected");
    }
}
