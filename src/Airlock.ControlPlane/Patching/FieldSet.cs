using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Patching;

/// <summary>
/// A set of field paths in the FieldsV1 tree form managedFields use: path elements <c>f:&lt;field&gt;</c>,
/// <c>k:{"name":"x"}</c> (list item by key), <c>v:&lt;value&gt;</c> (set item); a node that is itself a member and has
/// children carries a <c>.</c> entry. Immutable from the outside: operations return new sets.
/// </summary>
public sealed class FieldSet
{
    /// <summary>Children in ordinal order of their element (FieldsV1 order); null until the first one.</summary>
    private List<KeyValuePair<string, FieldSet>>? _children;
    private bool _isMember;

    public static FieldSet Empty => new();

    public bool IsEmpty => !_isMember && ChildCount == 0;

    /// <summary>For sets built from an object (<see cref="FieldSetBuilder"/>): this path is a leaf holding <see cref="LeafValue"/>.</summary>
    internal bool IsLeaf { get; private set; }

    internal JsonNode? LeafValue { get; private set; }

    private int ChildCount => _children?.Count ?? 0;

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

    public FieldSet Union(FieldSet other) => Combine(this, other, root: true, Operation.Union);

    public FieldSet Difference(FieldSet other) => Combine(this, other, root: true, Operation.Difference);

    public FieldSet Intersect(FieldSet other) => Combine(this, other, root: true, Operation.Intersect);

    public bool SetEquals(FieldSet other) => SameMembers(this, other, root: true);

    public JsonObject ToJson()
    {
        var json = new JsonObject();
        if (_isMember && ChildCount > 0)
        {
            json["."] = new JsonObject();
        }
        if (_children is not null)
        {
            foreach (var (element, child) in _children)
            {
                json[element] = child.ToJson();
            }
        }
        return json;
    }

    internal void Insert(IReadOnlyList<string> path)
    {
        var node = this;
        foreach (var element in path)
        {
            node = node.Child(element);
        }
        if (path.Count > 0)
        {
            node._isMember = true;
        }
    }

    /// <summary>The child at <paramref name="element"/>, added (empty) when missing.</summary>
    internal FieldSet Child(string element)
    {
        _children ??= [];
        var index = IndexOf(element);
        if (index >= 0) return _children[index].Value;
        var child = new FieldSet();
        _children.Insert(~index, new(element, child));
        return child;
    }

    internal void MarkMember() => _isMember = true;

    /// <summary>Marks this node a member and a leaf holding <paramref name="value"/> (the last one wins, as for a repeated path).</summary>
    internal void MarkLeaf(JsonNode? value)
    {
        _isMember = true;
        IsLeaf = true;
        LeafValue = value;
    }

    /// <summary>
    /// The leaves of <paramref name="after"/> that are leaves of <paramref name="before"/> too with another value, as a set:
    /// what an update modified. Both must come from <see cref="FieldSetBuilder"/>.
    /// </summary>
    internal static FieldSet ModifiedLeaves(FieldSet before, FieldSet after)
    {
        var result = new FieldSet();
        CollectModified(before, after, result);
        return result;
    }

    private static void CollectModified(FieldSet before, FieldSet after, FieldSet result)
    {
        if (after.IsLeaf && before.IsLeaf && !JsonNode.DeepEquals(after.LeafValue, before.LeafValue))
        {
            result._isMember = true;
        }
        if (after._children is null || before._children is null) return;
        foreach (var (element, child) in after._children)
        {
            var index = before.IndexOf(element);
            if (index < 0) continue;
            var sub = new FieldSet();
            CollectModified(before._children[index].Value, child, sub);
            if (!sub.IsEmpty) result.Add(element, sub);
        }
    }

    private FieldSet? Find(IReadOnlyList<string> path)
    {
        var node = this;
        foreach (var element in path)
        {
            var index = node.IndexOf(element);
            if (index < 0) return null;
            node = node._children![index].Value;
        }
        return node;
    }

    private FieldSet? ChildOrNull(string element)
    {
        var index = IndexOf(element);
        return index >= 0 ? _children![index].Value : null;
    }

    /// <summary>Binary search over the ordered children: the index, or the complement of where it would go.</summary>
    private int IndexOf(string element)
    {
        if (_children is null) return -1;
        int low = 0, high = _children.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var order = string.CompareOrdinal(_children[middle].Key, element);
            if (order == 0) return middle;
            if (order < 0) low = middle + 1;
            else high = middle - 1;
        }
        return ~low;
    }

    /// <summary>Appends a child whose element sorts after every present one (results are built in order).</summary>
    private void Add(string element, FieldSet child) => (_children ??= []).Add(new(element, child));

    private IEnumerable<IReadOnlyList<string>> Members(string[] prefix)
    {
        if (_isMember)
        {
            yield return prefix;
        }
        if (_children is null) yield break;
        foreach (var (element, child) in _children)
        {
            foreach (var path in child.Members([.. prefix, element]))
            {
                yield return path;
            }
        }
    }

    private enum Operation
    {
        Union,
        Difference,
        Intersect,
    }

    private static bool Keep(Operation operation, bool inA, bool inB) => operation switch
    {
        Operation.Union => inA || inB,
        Operation.Difference => inA && !inB,
        _ => inA && inB,
    };

    /// <summary>The members of <paramref name="a"/> and <paramref name="b"/> (either may be absent) the operation keeps.</summary>
    private static FieldSet Combine(FieldSet? a, FieldSet? b, bool root, Operation operation)
    {
        var result = new FieldSet { _isMember = !root && Keep(operation, a?._isMember ?? false, b?._isMember ?? false) };
        if (a is null && operation != Operation.Union) return result;
        if (b is null && operation == Operation.Intersect) return result;
        var aChildren = a?._children;
        var bChildren = operation == Operation.Difference && a is not null ? null : b?._children;
        // Merge the two ordered child lists (for a difference only a's children matter).
        int i = 0, j = 0, aCount = aChildren?.Count ?? 0, bCount = bChildren?.Count ?? 0;
        while (i < aCount || j < bCount)
        {
            var order = i >= aCount ? 1 : j >= bCount ? -1 : string.CompareOrdinal(aChildren![i].Key, bChildren![j].Key);
            string element;
            FieldSet combined;
            if (order == 0)
            {
                element = aChildren![i].Key;
                combined = Combine(aChildren[i++].Value, bChildren![j++].Value, root: false, operation);
            }
            else if (order < 0)
            {
                element = aChildren![i].Key;
                combined = Combine(aChildren[i++].Value, operation == Operation.Difference ? b?.ChildOrNull(element) : null, root: false, operation);
            }
            else
            {
                element = bChildren![j].Key;
                combined = Combine(null, bChildren[j++].Value, root: false, operation);
            }
            if (!combined.IsEmpty) result.Add(element, combined);
        }
        return result;
    }

    /// <summary>True when both hold the same member paths (the root itself not counted).</summary>
    private static bool SameMembers(FieldSet? a, FieldSet? b, bool root)
    {
        if (!root && (a?._isMember ?? false) != (b?._isMember ?? false)) return false;
        if (a?._children is { } aChildren)
        {
            foreach (var (element, child) in aChildren)
            {
                if (!SameMembers(child, b?.ChildOrNull(element), root: false)) return false;
            }
        }
        if (b?._children is { } bChildren)
        {
            foreach (var (element, child) in bChildren)
            {
                if (a?.ChildOrNull(element) is null && !SameMembers(null, child, root: false)) return false;
            }
        }
        return true;
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
            var child = node.Child(element);
            var childFields = value as JsonObject;
            if (childFields is null || childFields.Count == 0)
            {
                child._isMember = true;
            }
            Read(child, childFields);
        }
    }
}
