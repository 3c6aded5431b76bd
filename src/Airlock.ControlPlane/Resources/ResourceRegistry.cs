namespace Airlock.ControlPlane.Resources;

/// <summary>The resources served right now: the built-ins plus those registered live from CustomResourceDefinitions. Thread-safe.</summary>
public sealed class ResourceRegistry
{
    private readonly Lock _gate = new();
    private readonly IReadOnlyList<ResourceType> _builtins;
    private readonly Dictionary<string, IReadOnlyList<ResourceType>> _custom = new(StringComparer.Ordinal);
    private IReadOnlyList<ResourceType> _all;

    public ResourceRegistry(IEnumerable<ResourceType>? builtins = null)
    {
        _builtins = (builtins ?? BuiltinResources.All).ToList();
        _all = _builtins;
    }

    /// <summary>Every served resource (one entry per served version).</summary>
    public IReadOnlyList<ResourceType> All
    {
        get
        {
            lock (_gate) return _all;
        }
    }

    public ResourceType? Find(string group, string version, string resource) =>
        All.FirstOrDefault(t => t.Group == group && t.Version == version && t.Resource == resource);

    public ResourceType? FindByKind(string group, string version, string kind) =>
        All.FirstOrDefault(t => t.Group == group && t.Version == version && t.Kind == kind);

    /// <summary>The served version of a group and resource that discovery prefers (the storage-independent default).</summary>
    public ResourceType? FindPreferred(string group, string resource) =>
        All.Where(t => t.Group == group && t.Resource == resource).OrderBy(t => t.Version, KubeVersionComparer.Instance).FirstOrDefault();

    /// <summary>Registers (or replaces) the resources defined by one CustomResourceDefinition, keyed by its name.</summary>
    public void Register(string owner, IReadOnlyList<ResourceType> types)
    {
        lock (_gate)
        {
            _custom[owner] = types;
            _all = [.. _builtins, .. _custom.Values.SelectMany(t => t)];
        }
    }

    public void Unregister(string owner)
    {
        lock (_gate)
        {
            if (_custom.Remove(owner)) _all = [.. _builtins, .. _custom.Values.SelectMany(t => t)];
        }
    }

    /// <summary>Served groups in discovery order, each with its versions, preferred first.</summary>
    public IReadOnlyList<(string Group, IReadOnlyList<string> Versions)> Groups() =>
        All.Where(t => t.Group.Length > 0).GroupBy(t => t.Group)
            .Select(g => (g.Key, (IReadOnlyList<string>)g.Select(t => t.Version).Distinct().OrderBy(v => v, KubeVersionComparer.Instance).ToList()))
            .ToList();
}
