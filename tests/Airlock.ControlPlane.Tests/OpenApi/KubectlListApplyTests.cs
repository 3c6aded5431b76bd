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
    public async Task Reapplying_an_agenttask_list_leaves_every_task_unchanged()
    {
        await using var ns = await _fixture.Cluster.CreateNamespaceAsync();
        await CreateTasksAsync(ns, "one", "two");
        var list = await _fixture.SaveAsync("-n", ns.Name, "agenttasks");

        var applied = await Kubectl.RunAsync("apply", "-f", list);

        applied.EnsureSuccess().Stdout.Should().Contain("agenttask.agents.airlock.dev/one unchanged").And.Contain("agenttask.agents.airlock.dev/two unchanged");
    }
}
