using Airlock.Api.Tasks;
using Airlock.Testing;
using k8s;
using k8s.Models;

namespace Airlock.Operator.Tests.EndToEnd;

/// <summary>spec.permissions is exactly what the task's own token can do: the granted verb works, everything else is forbidden.</summary>
[TestFixture]
public sealed class LeastPrivilegeTests
{
    private TestNamespace _ns = null!;
    private TaskProbe _probe = null!;
    private string _token = null!;

    private static TestCluster Cluster => OperatorSetUp.Cluster;

    [OneTimeSetUp]
    public async Task RunTaskAsync()
    {
        _ns = await Cluster.CreateNamespaceAsync("rbac");
        _probe = new TaskProbe(Cluster.Client, _ns.Name);
        foreach (var name in new[] { "triage-input", "other" })
        {
            await Cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(
                new V1ConfigMap { Metadata = new() { Name = name }, Data = new Dictionary<string, string> { ["k"] = "v" } }, _ns.Name);
        }
        await Cluster.Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new() { Name = "db" }, StringData = new Dictionary<string, string> { ["p"] = "x" } }, _ns.Name);
        var yaml = TaskYaml.For("scoped") + "  permissions:\n    - {apiGroups: [\"\"], resources: [configmaps], resourceNames: [triage-input], verbs: [get]}\n";
        (await Cluster.Kubectl.RunAsync(["apply", "-n", _ns.Name, "-f", "-"], yaml)).EnsureSuccess();
        await _probe.WaitForPhaseAsync("scoped", AgentTaskPhase.Running);
        _token = await TaskToken.RequestAsync(Cluster.Client, _ns.Name, "scoped", (await _probe.PodAsync("scoped"))!);
    }

    [OneTimeTearDown]
    public async Task DeleteNamespaceAsync() => await _ns.DisposeAsync();

    private Task<KubectlResult> AsTaskAsync(params string[] args) => TaskToken.KubectlAsync(Cluster, _token, [.. args, "-n", _ns.Name]);

    [Test]
    public async Task Role_holds_exactly_the_task_rules()
    {
        var role = await Cluster.Client.RbacAuthorizationV1.ReadNamespacedRoleAsync("scoped-agent", _ns.Name);

        role.Rules.Should().ContainSingle().Which.Should().BeEquivalentTo(new V1PolicyRule
        {
            ApiGroups = [""],
            Resources = ["configmaps"],
            ResourceNames = ["triage-input"],
            Verbs = ["get"],
        });
    }

    [Test]
    public async Task Granted_verb_works_with_the_task_token() =>
        (await AsTaskAsync("get", "configmap", "triage-input", "-o", "name")).EnsureSuccess().Stdout.Trim().Should().Be("configmap/triage-input");

    [TestCase("get", "configmap", "other")]
    [TestCase("list", "configmaps")]
    [TestCase("delete", "configmap", "triage-input")]
    [TestCase("get", "secret", "db")]
    [TestCase("list", "pods")]
    [TestCase("get", "agenttasks")]
    [TestCase("create", "configmap", "x", "--from-literal=a=b")]
    public async Task Everything_else_is_forbidden(params string[] args)
    {
        var verb = args[0] == "list" ? ["get", args[1]] : args;

        var result = await AsTaskAsync(verb);

        (result.Succeeded, result.Stderr).Should().Match<(bool, string)>(r => !r.Item1 && r.Item2.Contains("forbidden", StringComparison.OrdinalIgnoreCase), result.ToString());
    }

    [Test]
    public async Task Other_namespaces_are_forbidden() =>
        (await TaskToken.KubectlAsync(Cluster, _token, "get", "configmaps", "-n", "default")).Stderr.Should().Contain("Forbidden");
}
