using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace Airlock.Runtime.Informers;

/// <summary>
/// Walks a model object (KubernetesClient models and the project's API types: public read/write properties, lists of
/// them) and replaces every string with its <see cref="StringPool"/> instance; small string maps (labels, annotations)
/// become <see cref="CompactStringMap"/>s with pooled keys and values. <c>resourceVersion</c> is left alone (unique per
/// object version, pooling it would only churn the pool). Anything else (JSON elements, framework types) is not entered.
/// </summary>
public sealed class ObjectStringInterner
{
    /// <summary>Maps with more entries than this keep their own type (a linear scan would no longer be cheap).</summary>
    public const int MaxCompactMapSize = 16;

    private const int MaxDepth = 32;

    private static readonly ConcurrentDictionary<Type, Member[]> Plans = new();
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { "ResourceVersion" };

    private readonly StringPool _pool;

    public ObjectStringInterner(StringPool pool) => _pool = pool;

    public StringPool Pool => _pool;

    /// <summary>Pools the strings of <paramref name="obj"/> in place.</summary>
    public void Intern(object? obj) => Walk(obj, 0);

    private void Walk(object? obj, int depth)
    {
        if (obj is null || depth > MaxDepth) return;
        foreach (var member in Plans.GetOrAdd(obj.GetType(), PlanFor))
        {
            var value = member.Property.GetValue(obj);
            if (value is null) continue;
            switch (member.Kind)
            {
                case MemberKind.String:
                    var pooled = _pool.Intern((string)value);
                    if (!ReferenceEquals(pooled, value)) member.Property.SetValue(obj, pooled);
                    break;
                case MemberKind.StringMap:
                    var map = (IDictionary<string, string>)value;
                    if (map is CompactStringMap || map.Count > MaxCompactMapSize) break;
                    member.Property.SetValue(obj, new CompactStringMap(map, _pool.Intern));
                    break;
                case MemberKind.StringList:
                    var strings = (IList<string>)value;
                    for (var i = 0; i < strings.Count; i++) strings[i] = _pool.Intern(strings[i])!;
                    break;
                case MemberKind.ModelList:
                    foreach (var item in (IEnumerable)value) Walk(item, depth + 1);
                    break;
                case MemberKind.Model:
                    Walk(value, depth + 1);
                    break;
            }
        }
    }

    private static Member[] PlanFor(Type type)
    {
        var members = new List<Member>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is null || Skipped.Contains(property.Name)) continue;
            var writable = property.SetMethod?.IsPublic == true;
            var kind = KindOf(property.PropertyType, writable);
            if (kind is { } k) members.Add(new Member(property, k));
        }
        return [.. members];
    }

    private static MemberKind? KindOf(Type type, bool writable)
    {
        if (type == typeof(string)) return writable ? MemberKind.String : null;
        if (type == typeof(IDictionary<string, string>)) return writable ? MemberKind.StringMap : null;
        if (type == typeof(IList<string>) || type == typeof(List<string>)) return MemberKind.StringList;
        if (ListItemType(type) is { } item && IsModel(item)) return MemberKind.ModelList;
        return IsModel(type) ? MemberKind.Model : null;
    }

    private static Type? ListItemType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() is var definition
        && (definition == typeof(IList<>) || definition == typeof(List<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(ICollection<>))
            ? type.GetGenericArguments()[0]
            : null;

    /// <summary>A class of KubernetesClient's models or of the project's API (not framework types such as JsonElement).</summary>
    private static bool IsModel(Type type) =>
        type.IsClass && type != typeof(string) && type.Namespace is { } ns
        && (ns.StartsWith("k8s.Models", StringComparison.Ordinal) || ns.StartsWith("Airlock.", StringComparison.Ordinal));

    private enum MemberKind
    {
        String,
        StringMap,
        StringList,
        ModelList,
        Model,
    }

    private sealed record Member(PropertyInfo Property, MemberKind Kind);
}
