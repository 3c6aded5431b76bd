using Airlock.Testing;

namespace Airlock.ControlPlane.Tests.Kubectl;

/// <summary>
/// The real kubectl for what the foundation promises beyond CRUD: a service account's own token under RBAC, server-side
/// apply with conflicts, and client-side apply removing list items merged by key.
/// </summary>
public class KubectlAccessTests : SharedClusterFixture
{

    [Test]
    public async Task A_service_account_token_gets_what_its_role_grants_and_nothing_else()
    {
        await using var ns = await Cluster.CreateNamespaceAsync();
        var kubectl = Cluster.Kubectl;
        (await kubectl.RunAsync("-n", ns.Name, "create", "serviceaccount", "reader")).EnsureSuccess();
        (await kubectl.RunAsync("-n", ns.Name, "create", "role", "cm-reader", "--verb=get,list", "--resource=configmaps")).EnsureSuccess();
        (await kubectl.RunAsync("-n", ns.Name, "create", "rolebinding", "cm-reader", "--role=cm-reader", $"--serviceaccount={ns.Name}:reader")).EnsureSuccess();
        (await kubectl.RunAsync("-n", ns.Name, "create", "configmap", "visible", "--from-literal=a=b")).EnsureSuccess();
        var token = (await kubectl.RunAsync("-n", ns.Name, "create", "token", "reader", "--duration=10m")).EnsureSuccess().Stdout.Trim();

        var allowed = await kubectl.RunAsync("-n", ns.Name, "--token", token, "get", "configmap", "visible", "-o", "jsonpath={.data.a}");
        var secrets = await kubectl.RunAsync("-n", ns.Name, "--token", token, "get", "secrets");
        var write = await kubectl.RunAsync("-n", ns.Name, "--token", token, "delete", "configmap", "visible");

        allowed.EnsureSuccess().Stdout.Should().Be("b");
        secrets.ExitCode.Should().NotBe(0);
        secrets.Stderr.Should().Contain($"User \"system:serviceaccount:{ns.Name}:reader\" cannot list resource \"secrets\" in API group \"\" in the namespace \"{ns.Name}\"");
        write.ExitCode.Should().NotBe(0);
        write.Stderr.Should().Contain("cannot delete resource \"configmaps\"");
    }

    [Test]
    public async Task A_garbage_token_is_refused_as_unauthorized()
    {
        var result = await Cluster.Kubectl.RunAsync("--token", "not-a-token", "get", "namespaces");

        result.ExitCode.Should().NotBe(0);
        // kubectl's wording for a 401 from the API server.
        result.Stderr.Should().Contain("You must be logged in to the server");
    }

    [Test]
    public async Task Server_side_apply_updates_and_reports_conflicts_with_another_manager_until_forced()
    {
        await using var ns = await Cluster.CreateNamespaceAsync();
        var kubectl = Cluster.Kubectl;
        string ConfigMap(string value) => $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shared\n  namespace: {ns.Name}\ndata:\n  key: {value}\n";

        (await kubectl.RunAsync(["apply", "--server-side", "-f", "-"], ConfigMap("one"))).EnsureSuccess();
        (await kubectl.RunAsync(["apply", "--server-side", "-f", "-"], ConfigMap("two"))).EnsureSuccess();
        var conflict = await kubectl.RunAsync(["apply", "--server-side", "--field-manager", "intruder", "-f", "-"], ConfigMap("three"));
        var forced = await kubectl.RunAsync(["apply", "--server-side", "--field-manager", "intruder", "--force-conflicts", "-f", "-"], ConfigMap("three"));
        var value = await kubectl.RunAsync("-n", ns.Name, "get", "configmap", "shared", "-o", "jsonpath={.data.key}");

        conflict.ExitCode.Should().NotBe(0);
        conflict.Stderr.Should().Contain("conflict").And.Contain(".data.key");
        forced.EnsureSuccess();
        value.EnsureSuccess().Stdout.Should().Be("three");
    }

    [Test]
    public async Task Client_side_apply_removes_a_list_item_merged_by_key()
    {
        await using var ns = await Cluster.CreateNamespaceAsync();
        var kubectl = Cluster.Kubectl;
        string Account(params string[] secrets) =>
            $"apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: robot\n  namespace: {ns.Name}\nsecrets:\n" + string.Concat(secrets.Select(s => $"- name: {s}\n"));

        (await kubectl.RunAsync(["apply", "-f", "-"], Account("first", "second"))).EnsureSuccess();
        (await kubectl.RunAsync(["apply", "-f", "-"], Account("first"))).EnsureSuccess();
        var names = await kubectl.RunAsync("-n", ns.Name, "get", "serviceaccount", "robot", "-o", "jsonpath={.secrets[*].name}");

        names.EnsureSuccess().Stdout.Should().Be("first");
    }
}
