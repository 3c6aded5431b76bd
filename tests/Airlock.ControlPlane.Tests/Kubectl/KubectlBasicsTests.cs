using System.Text.Json.Nodes;
using Airlock.Testing;

namespace Airlock.ControlPlane.Tests.Kubectl;

/// <summary>The real kubectl against the cluster: discovery, create/get/replace/delete, watch, RBAC refusals.</summary>
public class KubectlBasicsTests : SharedClusterFixture
{
    // Tests about other things than validation pass --validate=false to create/replace so they do not depend on the
    // OpenAPI documents; the apply tests keep kubectl's default (Strict) validation.
    private static string ConfigMapYaml(string name, string value) => $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\ndata:\n  key: {value}\n";

    [Test]
    public async Task Version_reports_a_1_32_server()
    {
        var result = (await Cluster.Kubectl.RunAsync("version", "-o", "json")).EnsureSuccess();
        var server = JsonNode.Parse(result.Stdout)!["serverVersion"]!;
        server["major"]!.GetValue<string>().Should().Be("1");
        server["minor"]!.GetValue<string>().Should().StartWith("32");
    }

    [Test]
    public async Task Api_resources_lists_core_and_grouped_kinds()
    {
        var result = (await Cluster.Kubectl.RunAsync("api-resources", "-o", "name")).EnsureSuccess();
        result.Stdout.Split('\n').Should().Contain(["pods", "configmaps", "namespaces", "customresourcedefinitions.apiextensions.k8s.io", "roles.rbac.authorization.k8s.io"]);
    }

    [Test]
    public async Task Create_get_and_delete_a_configmap()
    {
        await using var ns = await Cluster.CreateNamespaceAsync();
        (await Cluster.Kubectl.RunAsync("-n", ns.Name, "create", "configmap", "settings", "--from-literal=mode=fast")).EnsureSuccess();
        var get = (await Cluster.Kubectl.RunAsync("-n", ns.Name, "get", "configmap", "settings", "-o", "jsonpath={.data.mode}")).EnsureSuccess();
        get.Stdout.Should().Be("fast");
        (await Cluster.Kubectl.RunAsync("-n", ns.Name, "delete", "configmap", "settings")).EnsureSuccess().Stdout.Should().Contain("deleted");
        var gone = await Cluster.Kubectl.RunAsync("-n", ns.Name, "get", "configmap", "settings");
        gone.ExitCode.Should().NotBe(0);
        gone.Stderr.Should().Contain("configmaps \"settings\" not found");
    }

    [Test]
    public async Task Get_prints_a_table_with_name_and_age()
    {
        await using var ns = await Cluster.CreateNamespaceAsync();
        (await Cluster.Kubectl.RunAsync("-n", ns.Name, "create", "configmap", "shown")).EnsureSuccess();
        var table = (await Cluster.Kubectl.RunAsync("-n", ns.Name, "get", "configmaps")).EnsureSuccess();
        table.Stdout.Should().MatchRegex(@"NAME\s+DATA\s+AGE|NAME\s+AGE").And.Contain("shown");
    }

    [Test]
    public async Task Replace_updates_a_configmap()
    {
        await using var ns = await Cluster.CreateNamespaceAsync();
        (await Cluster.Kubectl.RunAsync(["-n", ns.Name, "create", "--validate=false", "-f", "-"], ConfigMapYaml("conf", "one"))).EnsureSuccess();
        (await Cluster.Kubectl.RunAsync(["-n", ns.Name, "replace", "--validate=false", "-f", "-"], ConfigMapYaml("conf", "two"))).EnsureSuccess();
        (await Cluster.Kubectl.RunAsync("-n", ns.Name, "get", "cm", "conf", "-o", "jsonpath={.data.key}")).Stdout.Should().Be("two");
    }

    [Test]
    public async Task Apply_with_default_flags_creates_then_updates_a_configmap()
    {
        await using var ns = await Cluster.CreateNamespaceAsync();
        (await Cluster.Kubectl.RunAsync(["-n", ns.Name, "apply", "-f", "-"], ConfigMapYaml("applied", "one"))).EnsureSuccess().Stdout.Should().Contain("created");
        (await Cluster.Kubectl.RunAsync(["-n", ns.Name, "apply", "-f", "-"], ConfigMapYaml("applied", "two"))).EnsureSuccess().Stdout.Should().Contain("configured");
        (await Cluster.Kubectl.RunAsync("-n", ns.Name, "get", "cm", "applied", "-o", "jsonpath={.data.key}")).Stdout.Should().Be("two");
    }

    [Test]
    public async Task Merge_patch_changes_a_configmap()
    {
        await using var ns = await Cluster.CreateNamespaceAsync();
        (await Cluster.Kubectl.RunAsync(["-n", ns.Name, "create", "--validate=false", "-f", "-"], ConfigMapYaml("patched", "one"))).EnsureSuccess();
        (await Cluster.Kubectl.RunAsync("-n", ns.Name, "patch", "cm", "patched", "--type", "merge", "-p", "{\"data\":{\"key\":\"two\"}}")).EnsureSuccess();
        (await Cluster.Kubectl.RunAsync("-n", ns.Name, "get", "cm", "patched", "-o", "jsonpath={.data.key}")).Stdout.Should().Be("two");
    }

    [Test]
    public async Task Get_watch_prints_a_change()
    {
        await using var ns = await Cluster.CreateNamespaceAsync();
        using var watch = Cluster.Kubectl.Start("-n", ns.Name, "get", "configmaps", "-w");
        await Eventually.UntilAsync(() => watch.Output.Contains("NAME", StringComparison.Ordinal) || watch.Output.Length == 0, "kubectl get -w to start");
        (await Cluster.Kubectl.RunAsync("-n", ns.Name, "create", "configmap", "appears")).EnsureSuccess();
        await Eventually.UntilAsync(() => watch.Output.Contains("appears", StringComparison.Ordinal), "kubectl get -w to print the new configmap");
    }

    [Test]
    public async Task Alice_is_refused_with_the_api_server_forbidden_text()
    {
        var result = await Cluster.KubectlAs("alice").RunAsync("-n", "kube-system", "get", "secrets");
        result.ExitCode.Should().NotBe(0);
        result.Stderr.Should().Contain("Error from server (Forbidden)")
            .And.Contain("secrets is forbidden: User \"alice\" cannot list resource \"secrets\" in API group \"\" in the namespace \"kube-system\"");
    }

    [Test]
    public async Task Auth_can_i_answers_yes_for_admin_and_no_for_alice()
    {
        (await Cluster.Kubectl.RunAsync("auth", "can-i", "create", "pods", "-n", "default")).Stdout.Trim().Should().Be("yes");
        var alice = await Cluster.KubectlAs("alice").RunAsync("auth", "can-i", "delete", "secrets", "-n", "kube-system");
        alice.Stdout.Trim().Should().Be("no");
    }

    [Test]
    public async Task Create_token_bound_to_a_pod_prints_a_jwt()
    {
        await using var ns = await Cluster.CreateNamespaceAsync();
        (await Cluster.Kubectl.RunAsync(["-n", ns.Name, "create", "--validate=false", "-f", "-"],
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: holder\nspec:\n  containers:\n  - name: c\n    image: busybox\n")).EnsureSuccess();
        var token = (await Cluster.Kubectl.RunAsync("-n", ns.Name, "create", "token", "default", "--bound-object-kind", "Pod", "--bound-object-name", "holder"))
            .EnsureSuccess();
        token.Stdout.Trim().Split('.').Should().HaveCount(3);
    }
}
