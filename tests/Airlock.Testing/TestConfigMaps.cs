using k8s;
using k8s.Models;

namespace Airlock.Testing;

/// <summary>Small ConfigMaps for tests of the API server's storage, lists and watches: one key <c>n</c>.</summary>
public static class TestConfigMaps
{
    /// <summary>A ConfigMap <paramref name="name"/> whose key <c>n</c> holds <paramref name="value"/>.</summary>
    public static V1ConfigMap ConfigMap(string name, string value = "0") => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Data = new Dictionary<string, string> { ["n"] = value },
    };

    /// <summary>Creates <c>cm-0</c> … <c>cm-{count - 1}</c> in namespace <paramref name="ns"/>, one after the other.</summary>
    public static async Task CreateNumberedAsync(IKubernetes client, string ns, int count)
    {
        foreach (var i in Enumerable.Range(0, count)) await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap($"cm-{i}"), ns);
    }
}
