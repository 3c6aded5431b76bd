using Airlock.Testing;

namespace Airlock.ControlPlane.Tests.OpenApi;

/// <summary>
/// kubectl's backup/restore round trip: what <c>kubectl get -o yaml</c> prints (a <c>kind: List</c>) applied back with default
/// (Strict) validation. kubectl validates a List on the client from <c>/openapi/v2</c>, so these need that document.
/// </summary>
public class KubectlListApplyTests
{
    private ListFixture _fixture = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _fixture = await ListFixture.StartAsync();

    private Airlock.Testing.Kubectl Kubectl => _fixture.Kubectl;

    private async Task CreateTasksAsync(TestNamespace ns, params string[] names)
    {
        foreach (var name in names)
        {
            (await Kubectl.RunAsync(["-n", ns.Name, "apply", "-f", "-"], ListFixture.AgentTaskYaml(name))).EnsureSuccess();
        }
    }

    [Test]
    public async Task Apply_of_an_agenttask_list_from_get_recreates_every_task()
    {
        await using var ns = await _fixture.Cluster.CreateNamespaceAsync();
        await CreateTasksAsync(ns, "one", "two");
        var list = await _fixture.SaveAsync("-n", ns.Name, "agenttasks");
        (await Kubectl.RunAsync("-n", ns.Name, "delete", "agenttask", "--all")).EnsureSuccess();

        var applied = await Kubectl.RunAsync("apply", "-f", list);

        applied.EnsureSuccess().Stdout.Should().Contain("agenttask.agents.airlock.dev/one created").And.Contain("agenttask.agents.airlock.dev/two created");
    }

    [Test]
    public async Task Reapplying_a_list_leaves_every_item_unchanged()
    {
        await using var ns = await _fixture.Cluster.CreateNamespaceAsync();
        var list = _fixture.WriteFile(ListFixture.ListOf(ListFixture.ConfigMapYaml("kept", "v"), ListFixture.AgentTaskYaml("kept")));
        (await Kubectl.RunAsync("-n", ns.Name, "apply", "-f", list)).EnsureSuccess();

        var again = await Kubectl.RunAsync("-n", ns.Name, "apply", "-f", list);

        again.EnsureSuccess().Stdout.Should().Contain("configmap/kept unchanged").And.Contain("agenttask.agents.airlock.dev/kept unchanged");
    }

    [Test]
    public async Task Reapplying_a_restored_list_that_carries_old_resource_versions_conflicts_as_on_a_real_server()
    {
        // The first apply records the file (old resourceVersion and uid included) as last-applied; the second apply then
        // patches metadata.resourceVersion back to the old value, which the server treats as a precondition.
        await using var ns = await _fixture.Cluster.CreateNamespaceAsync();
        await CreateTasksAsync(ns, "one");
        (await Kubectl.RunAsync(["-n", ns.Name, "apply", "-f", "-"], ListFixture.ConfigMapYaml("one", "v"))).EnsureSuccess();
        var list = await _fixture.SaveAsync("-n", ns.Name, "agenttasks,configmaps", "--field-selector", "metadata.name=one");
        (await Kubectl.RunAsync("-n", ns.Name, "delete", "agenttask,cm", "one")).EnsureSuccess();
        (await Kubectl.RunAsync("apply", "-f", list)).EnsureSuccess();

        var again = await Kubectl.RunAsync("apply", "-f", list);

        again.ExitCode.Should().NotBe(0);
        again.Stderr.Should().Contain("Error from server (Conflict)").And.Contain("the object has been modified");
    }

    [Test]
    public async Task Apply_of_a_configmap_list_across_namespaces_restores_each_in_its_namespace()
    {
        await using var first = await _fixture.Cluster.CreateNamespaceAsync();
        await using var second = await _fixture.Cluster.CreateNamespaceAsync();
        (await Kubectl.RunAsync(["-n", first.Name, "apply", "-f", "-"], ListFixture.ConfigMapYaml("settings", "one"))).EnsureSuccess();
        (await Kubectl.RunAsync(["-n", second.Name, "apply", "-f", "-"], ListFixture.ConfigMapYaml("settings", "two"))).EnsureSuccess();
        var list = await _fixture.SaveAsync("configmaps", "-A", "--field-selector", "metadata.name=settings");
        (await Kubectl.RunAsync("-n", first.Name, "delete", "cm", "settings")).EnsureSuccess();
        (await Kubectl.RunAsync("-n", second.Name, "delete", "cm", "settings")).EnsureSuccess();

        (await Kubectl.RunAsync("apply", "-f", list)).EnsureSuccess();

        (await Kubectl.RunAsync("-n", first.Name, "get", "cm", "settings", "-o", "jsonpath={.data.key}")).Stdout.Should().Be("one");
        (await Kubectl.RunAsync("-n", second.Name, "get", "cm", "settings", "-o", "jsonpath={.data.key}")).Stdout.Should().Be("two");
    }

    [Test]
    public async Task Apply_of_a_mixed_list_creates_builtin_and_custom_items()
    {
        await using var ns = await _fixture.Cluster.CreateNamespaceAsync();
        var list = _fixture.WriteFile(ListFixture.ListOf(ListFixture.ConfigMapYaml("mixed", "v"), ListFixture.AgentTaskYaml("mixed")));

        var applied = await Kubectl.RunAsync("-n", ns.Name, "apply", "-f", list);

        applied.EnsureSuccess().Stdout.Should().Contain("configmap/mixed created").And.Contain("agenttask.agents.airlock.dev/mixed created");
    }

    [Test]
    public async Task Apply_of_a_typed_list_validates_and_creates_every_item()
    {
        await using var ns = await _fixture.Cluster.CreateNamespaceAsync();
        var typed = ListFixture.ListOf(ListFixture.ConfigMapYaml("typed-a", "v"), ListFixture.ConfigMapYaml("typed-b", "v")).Replace("kind: List", "kind: ConfigMapList");
        var list = _fixture.WriteFile(typed);

        var applied = await Kubectl.RunAsync("-n", ns.Name, "apply", "-f", list);

        applied.EnsureSuccess().Stdout.Should().Contain("configmap/typed-a created").And.Contain("configmap/typed-b created");
    }

    [Test]
    public async Task An_unknown_field_in_a_typed_list_item_is_refused_by_name()
    {
        await using var ns = await _fixture.Cluster.CreateNamespaceAsync();
        var typed = ListFixture.ListOf(ListFixture.ConfigMapYaml("typed", "v") + "bogus: 1\n").Replace("kind: List", "kind: ConfigMapList");

        var applied = await Kubectl.RunAsync("-n", ns.Name, "apply", "-f", _fixture.WriteFile(typed));

        applied.ExitCode.Should().NotBe(0);
        applied.Stderr.Should().Contain("unknown field \"bogus\"");
    }

    [Test]
    public async Task Create_of_a_list_creates_every_item()
    {
        await using var ns = await _fixture.Cluster.CreateNamespaceAsync();
        var list = _fixture.WriteFile(ListFixture.ListOf(ListFixture.ConfigMapYaml("created", "v"), ListFixture.AgentTaskYaml("created")));

        var created = await Kubectl.RunAsync("-n", ns.Name, "create", "-f", list);

        created.EnsureSuccess().Stdout.Should().Contain("configmap/created created").And.Contain("agenttask.agents.airlock.dev/created created");
    }

    [Test]
    public async Task Delete_of_a_list_deletes_every_item()
    {
        await using var ns = await _fixture.Cluster.CreateNamespaceAsync();
        var list = _fixture.WriteFile(ListFixture.ListOf(ListFixture.ConfigMapYaml("doomed", "v"), ListFixture.AgentTaskYaml("doomed")));
        (await Kubectl.RunAsync("-n", ns.Name, "apply", "-f", list)).EnsureSuccess();

        (await Kubectl.RunAsync("-n", ns.Name, "delete", "-f", list, "--wait")).EnsureSuccess();

        (await Kubectl.RunAsync("-n", ns.Name, "get", "cm,agenttasks", "-o", "name")).EnsureSuccess().Stdout.Should().NotContain("doomed");
    }

    [Test]
    public async Task Diff_of_a_list_shows_the_changed_item_only()
    {
        await using var ns = await _fixture.Cluster.CreateNamespaceAsync();
        (await Kubectl.RunAsync("-n", ns.Name, "apply", "-f", _fixture.WriteFile(ListFixture.ListOf(
            ListFixture.ConfigMapYaml("same", "v"), ListFixture.AgentTaskYaml("edited", "Say hello."))))).EnsureSuccess();
        var changed = _fixture.WriteFile(ListFixture.ListOf(ListFixture.ConfigMapYaml("same", "v"), ListFixture.AgentTaskYaml("edited", "Say goodbye.")));

        var diff = await Kubectl.RunAsync("-n", ns.Name, "diff", "-f", changed);

        diff.ExitCode.Should().Be(1, diff.ToString()); // 1: differences found
        diff.Stdout.Should().Contain("+  prompt: Say goodbye.").And.Contain("-  prompt: Say hello.").And.NotContain("ConfigMap");
    }

    [Test]
    public async Task Server_side_apply_of_a_list_creates_every_item()
    {
        await using var ns = await _fixture.Cluster.CreateNamespaceAsync();
        var list = _fixture.WriteFile(ListFixture.ListOf(ListFixture.ConfigMapYaml("ssa", "v"), ListFixture.AgentTaskYaml("ssa")));

        var applied = await Kubectl.RunAsync("-n", ns.Name, "apply", "--server-side", "-f", list);

        applied.EnsureSuccess().Stdout.Should().Contain("configmap/ssa serverside-applied").And.Contain("agenttask.agents.airlock.dev/ssa serverside-applied");
    }

    [Test]
    public async Task An_item_with_an_unknown_field_is_refused_by_name_and_nothing_is_stored()
    {
        await using var ns = await _fixture.Cluster.CreateNamespaceAsync();
        var list = _fixture.WriteFile(ListFixture.ListOf(ListFixture.ConfigMapYaml("fine", "v"), ListFixture.AgentTaskYaml("typo") + "  promt: oops\n"));

        var applied = await Kubectl.RunAsync("-n", ns.Name, "apply", "-f", list);

        applied.ExitCode.Should().NotBe(0);
        applied.Stderr.Should().Contain("unknown field \"promt\"");
        (await Kubectl.RunAsync("-n", ns.Name, "get", "cm,agenttasks", "-o", "name")).EnsureSuccess().Stdout.Should().NotContain("fine").And.NotContain("typo");
    }

    [Test]
    public async Task An_item_with_a_wrong_type_is_refused_by_field_and_nothing_is_stored()
    {
        await using var ns = await _fixture.Cluster.CreateNamespaceAsync();
        var wrong = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: wrong\ndata: [a, b]\n";
        var list = _fixture.WriteFile(ListFixture.ListOf(ListFixture.AgentTaskYaml("fine"), wrong));

        var applied = await Kubectl.RunAsync("-n", ns.Name, "apply", "-f", list);

        applied.ExitCode.Should().NotBe(0);
        applied.Stderr.Should().Contain("io.k8s.api.core.v1.ConfigMap.data").And.Contain("got \"array\", expected \"map\"");
        (await Kubectl.RunAsync("-n", ns.Name, "get", "cm,agenttasks", "-o", "name")).EnsureSuccess().Stdout.Should().NotContain("fine").And.NotContain("wrong");
    }
}
