using k8s;

namespace Airlock.Testing;

/// <summary>A namespace owned by one test; deleting it (on dispose) deletes everything the test left in it.</summary>
public sealed class TestNamespace(TestCluster cluster, string name) : IAsyncDisposable
{
    private readonly TestCluster _cluster = cluster;

    public string Name { get; } = name;

    public override string ToString() => Name;

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _cluster.Client.CoreV1.DeleteNamespaceAsync(Name);
        }
        catch (k8s.Autorest.HttpOperationException)
        {
            // Already gone.
        }
    }
}
