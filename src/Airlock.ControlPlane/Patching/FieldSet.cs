using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Patching;

/// <summary>
/// A set of field paths in the FieldsV1 tree form managedFields use: path elements <c>f:&lt;field&gt;</c>,
/// <c>k:{"name":"x"}</c> (list item by key), <c>v:&lt;value&gt;</c> (set item); a node that is itself a member and has
/// children carries a <c>.</c> entry. Immutable from the outside: operations return new sets.
/// </summary>
public sealed class FieldSet
{
    private readonly SortedDictionary<string, FieldSet> _children = new(StringComparer.Ordinal);
    private bool _isMember;

    public static FieldSet Empty => new();

    public bool IsEmpty => !_isMember && _children.Count == 0;

    public static FieldSet FromPaths(IEnumerable<IReadOnlyList<string>> paths)
    {
        var set = new FieldSet();
        foreach (var path in paths)
        {
            set.Insert(path);
        }
        return set;
    }

    /// <summary>Parses a <c>fieldsV1</c> object.</summary>
    public static FieldSet FromJson(JsonObject? fields)
    {
        var set = new FieldSet();
        Read(set, fields);
        return set;
    }

    public bool Contains(IReadOnlyList<string> path) => Find(path) is { _isMember: true };

    /// <summary>True when the path itself or anything below it is a member.</summary>
    public bool HasMemberAtOrBelow(IReadOnlyList<string> path) => Find(path) is { IsEmpty: false };

    /// <summary>Every member path, parents before children, in FieldsV1 order.</summary>
    public IEnumerable<IReadOnlyList<string>> Members() => Members([]);

    // The set operations walk both trees at once (no path lists). As with sets built from paths, the root itself is
    // never a member of a result and no result holds an empty subtree.

    public FieldSet Union(FieldSet other) => Combine(this, other, root: true, static (a, b) => a || b);

    public FieldSet Difference(FieldSet other) => Combine(this, other, root: true, static (a, b) => a && !b);

    public FieldSet Intersect(FieldSet other) => Combine(this, other, root: true, static (a, b) => a && b);

    public bool SetEquals(FieldSet other) => Difference(other).IsEmpty && other.Difference(this).IsEmpty;

    public JsonObject ToJson()
    {
        var json = new JsonObject();
        if (_isMember && _children.Count > 0)
        {
            json["."] = new JsonObject();
        }
        foreach (var (element, child) in _children)
        {
            json[element] = child.ToJson();
        }
        return json;
    }

    internal void Insert(IReadOnlyList<string> path)
    {
        var node = this;
        foreach (var element in path)
        {
            if (!node._children.TryGetValue(element, out var child))
            {
                child = new FieldSet();
                node._children[element] = child;
            }
            node = child;
        }
        if (path.Count > 0)
        {
            node._isMember = true;
        }
    }

    private FieldSet? Find(IReadOnlyList<string> path)
    {
        var node = this;
        foreach (var element in path)
        {
            if (!node._children.TryGetValue(element, out node))
            {
                return null;
            }
        }
        return node;
    }

    private IEnumerable<IReadOnlyList<string>> Members(string[] prefix)
    {
        if (_isMember)
        {
            yield return prefix;
        }
        foreach (var (element, child) in _children)
        {
            foreach (var path in child.Members([.. prefix, element]))
            {
                yield return path;
            }
        }
    }

    /// <summary>
    /// The members of <paramref name="a"/> and <paramref name="b"/> (either may be absent) for which
    /// <paramref name="keep"/>(in a, in b) holds; keep(false, false) must be false.
    /// </summary>
    private static FieldSet Combine(FieldSet? a, FieldSet? b, bool root, Func<bool, bool, bool> keep)
    {
        var result = new FieldSet { _isMember = !root && keep(a?._isMember ?? false, b?._isMember ?? false) };
        if (a is not null)
        {
            foreach (var (element, child) in a._children)
            {
                var combined = Combine(child, b?._children.GetValueOrDefault(element), root: false, keep);
                if (!combined.IsEmpty)
                {
                    result._children[element] = combined;
                }
            }
        }
        if (b is not null && keep(false, true))
        {
            foreach (var (element, child) in b._children)
            {
                if (a is not null && a._children.ContainsKey(element))
                {
                    continue;
                }
                var combined = Combine(null, child, root: false, keep);
                if (!combined.IsEmpty)
                {
                    result._children[element] = combined;
                }
            }
        }
        return result;
    }

    private static void Read(FieldSet node, JsonObject? fields)
    {
        if (fields is null)
        {
            return;
        }
        foreach (var (element, value) in fields)
        {
            if (element == ".")
            {
                node._isMember = true;
                continue;
            }
            var child = new FieldSet();
            var childFields = value as JsonObject;
            if (childFields is null || childFields.Count == 0)
            {
                child._isMember = true;
            }
            Read(child, childFields);
            node._children[element] = child;
        }
    }
}
