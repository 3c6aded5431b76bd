using Airlock.Testing;

namespace Airlock.ControlPlane.Tests.OpenApi;

/// <summary>The shared cluster with the project's AgentTask CRD installed, and helpers to write List files for kubectl.</summary>
public sealed class ListFixture
{
    private readonly string _dir = Directory.CreateTempSubdirectory("airlock-list-").FullName;

    private ListFixture(TestCluster cluster) => Cluster = cluster;

    public TestCluster Cluster { get; }

    public Airlock.Testing.Kubectl Kubectl => Cluster.Kubectl;

    /// <summary>The shared cluster, with <c>crds/agents.airlock.dev_agenttasks.yaml</c> applied and established.</summary>
    public static async Task<ListFixture> StartAsync()
    {
        var cluster = await TestCluster.SharedAsync();
        var crd = Path.Combine(TestPaths.RepositoryRoot, "crds", "agents.airlock.dev_agenttasks.yaml");
        (await cluster.Kubectl.RunAsync("apply", "--server-side", "--force-conflicts", "-f", crd)).EnsureSuccess();
        (await cluster.Kubectl.RunAsync("wait", "--for", "condition=Established", "crd/agenttasks.agents.airlock.dev", "--timeout", "30s")).EnsureSuccess();
        return new ListFixture(cluster);
    }

    /// <summary>An AgentTask manifest (the fields of config/samples/hello-task.yaml).</summary>
    public static string AgentTaskYaml(string name, string prompt = "Say hello.") =>
        $"apiVersion: agents.airlock.dev/v1alpha1\nkind: AgentTask\nmetadata:\n  name: {name}\nspec:\n  image: busybox:1.36\n  prompt: {prompt}\n";

    public static string ConfigMapYaml(string name, string value) =>
        $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\ndata:\n  key: {value}\n";

    /// <summary>A <c>kind: List</c> (apiVersion v1) of the given single-object manifests.</summary>
    public static string ListOf(params string[] manifests) =>
        "apiVersion: v1\nkind: List\nitems:\n" + string.Concat(manifests.Select(m => "- " + m.TrimEnd('\n').Replace("\n", "\n  ", StringComparison.Ordinal) + "\n"));

    /// <summary>Writes <paramref name="content"/> to a fresh file and returns its path.</summary>
    public string WriteFile(string content)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>What <c>kubectl get … -o yaml</c> prints (a <c>kind: List</c> for more than one object), saved to a file.</summary>
    public async Task<string> SaveAsync(params string[] getArgs)
    {
        var yaml = (await Kubectl.RunAsync(["get", .. getArgs, "-o", "yaml"], null)).EnsureSuccess().Stdout;
        yaml.Should().Contain("kind: List");
        return WriteFile(yaml);
    }
}
