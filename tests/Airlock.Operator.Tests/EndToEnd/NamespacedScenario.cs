using Airlock.Testing;

namespace Airlock.Operator.Tests.EndToEnd;

/// <summary>
/// A fresh namespace per test against the shared operator: created before each test (with alice and bob as editors when
/// <see cref="GrantsEditors"/>, which needs the local control plane's users) and deleted after it.
/// </summary>
public abstract class NamespacedScenario
{
    protected TestNamespace Ns { get; private set; } = null!;

    protected TaskProbe Probe { get; private set; } = null!;

    protected static TestCluster Cluster => OperatorSetUp.Cluster;

    /// <summary>The namespace name's prefix (a random suffix follows).</summary>
    protected abstract string Prefix { get; }

    /// <summary>Grant alice and bob the editor role in the namespace (local control plane only).</summary>
    protected virtual bool GrantsEditors => true;

    [SetUp]
    public async Task CreateNamespaceAsync()
    {
        if (GrantsEditors) Cluster.RequireLocal();
        Ns = await Cluster.CreateNamespaceAsync(Prefix);
        Probe = new TaskProbe(Cluster.Client, Ns.Name);
        if (GrantsEditors) await GovernanceRbac.GrantAsync(Cluster.Client, Ns.Name, GovernanceRbac.Editor, "alice", "bob");
    }

    [TearDown]
    public async Task DeleteNamespaceAsync() => await Ns.DisposeAsync();

    /// <summary><c>kubectl apply -f -</c> of <paramref name="yaml"/> in the namespace, as <paramref name="user"/> (null: admin).</summary>
    protected Task<KubectlResult> ApplyAsync(string? user, string yaml) =>
        (user is null ? Cluster.Kubectl : Cluster.KubectlAs(user)).RunAsync(["apply", "-n", Ns.Name, "-f", "-"], yaml);
}
