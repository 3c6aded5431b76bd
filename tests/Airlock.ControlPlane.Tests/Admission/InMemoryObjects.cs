using System.Text.Json.Nodes;
using Airlock.ControlPlane.Resources;
using Airlock.ControlPlane.Storage;

namespace Airlock.ControlPlane.Tests.Admission;

/// <summary>An <see cref="IObjectReader"/> over a dictionary, for admission tests.</summary>
public sealed class InMemoryObjects : IObjectReader
{
    private readonly Dictionary<(string Resource, string? Namespace, string Name), JsonObject> _objects = [];

    public void Put(ResourceType type, JsonObject obj)
    {
        var ns = type.Namespaced ? (string?)obj["metadata"]?["namespace"] : null;
        _objects[(type.QualifiedResource, ns, (string)obj["metadata"]!["name"]!)] = obj;
    }

    public void Clear() => _objects.Clear();

    public JsonObject? Get(ResourceType type, string? @namespace, string name) =>
        _objects.GetValueOrDefault((type.QualifiedResource, type.Namespaced ? @namespace : null, name));

    public IReadOnlyList<JsonObject> List(ResourceType type, string? @namespace) =>
        _objects.Where(o => o.Key.Resource == type.QualifiedResource && (@namespace is null || o.Key.Namespace == @namespace))
            .Select(o => o.Value).ToList();
}
