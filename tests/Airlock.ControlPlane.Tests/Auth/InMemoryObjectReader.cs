using System.Text.Json.Nodes;
using Airlock.ControlPlane.Resources;
using Airlock.ControlPlane.Storage;

namespace Airlock.ControlPlane.Tests.Auth;

/// <summary>A dictionary-backed <see cref="IObjectReader"/> for auth tests.</summary>
internal sealed class InMemoryObjectReader : IObjectReader
{
    private readonly Dictionary<(string Type, string Namespace, string Name), JsonObject> _objects = [];

    public InMemoryObjectReader Add(ResourceType type, JsonObject obj)
    {
        _objects[Key(type, Str(obj, "namespace"), Str(obj, "name"))] = obj;
        return this;
    }

    public InMemoryObjectReader AddAll(IEnumerable<JsonObject> objects)
    {
        foreach (var obj in objects)
        {
            var kind = obj["kind"]!.GetValue<string>();
            Add(BuiltinResources.All.First(t => t.Kind == kind && t.ApiVersion == obj["apiVersion"]!.GetValue<string>()), obj);
        }
        return this;
    }

    public void Remove(ResourceType type, string? @namespace, string name) => _objects.Remove(Key(type, @namespace ?? "", name));

    public JsonObject? Get(ResourceType type, string? @namespace, string name) =>
        _objects.GetValueOrDefault(Key(type, @namespace ?? "", name));

    public IReadOnlyList<JsonObject> List(ResourceType type, string? @namespace) =>
        _objects.Where(e => e.Key.Type == type.QualifiedResource && (@namespace is null || e.Key.Namespace == @namespace))
            .OrderBy(e => e.Key.Namespace, StringComparer.Ordinal).ThenBy(e => e.Key.Name, StringComparer.Ordinal)
            .Select(e => e.Value).ToList();

    private static (string, string, string) Key(ResourceType type, string @namespace, string name) => (type.QualifiedResource, @namespace, name);

    private static string Str(JsonObject obj, string field) => obj["metadata"]?[field]?.GetValue<string>() ?? "";
}
