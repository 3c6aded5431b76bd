using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using k8s.Models;

namespace Airlock.Runtime.Informers;

/// <summary>
/// Walks a model object (KubernetesClient models and the project's API types: public read/write properties, lists of
/// them) and replaces every string with its <see cref="StringPool"/> instance; small string maps (labels, annotations)
/// become <see cref="CompactStringMap"/>s with pooled keys and values. <c>resourceVersion</c> is left alone (unique per
/// object version, pooling it would only churn the pool). Anything else (JSON elements, framework types) is not entered.
/// Two small value objects that thousands of cached objects repeat are shared whole, by content: resource quantities
/// (every task asks for the same CPU and memory) and conditions (tasks that moved in the same second carry equal ones).
/// Like the cached objects, shared values are read-only: code that changes a status works on a copy.
/// </summary>
public sealed class ObjectStringInterner
{
    /// <summary>Maps with more entries than this keep their own type (a linear scan would no longer be cheap).</summary>
    public const int MaxCompactMapSize = 16;

    private const int MaxDepth = 32;

    private static readonly ConcurrentDictionary<Type, Member[]> Plans = new();
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { "ResourceVersion" };

    private readonly StringPool _pool;
    private readonly GenerationalPool<string, ResourceQuantity> _quantities = new(generationSize: 1024);
    private readonly GenerationalPool<ConditionKey, V1Condition> _conditions = new(generationSize: 16_384);

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
                    WalkList(value, depth + 1);
                    break;
                case MemberKind.Model:
                    var shared = Share(value, depth + 1);
                    if (!ReferenceEquals(shared, value)) member.Property.SetValue(obj, shared);
                    break;
            }
        }
    }

    private void WalkList(object list, int depth)
    {
        if (list is IList<V1Condition> conditions && !conditions.IsReadOnly)
        {
            for (var i = 0; i < conditions.Count; i++) conditions[i] = (V1Condition)Share(conditions[i], depth);
            return;
        }
        foreach (var item in (IEnumerable)list) Walk(item, depth);
    }

    /// <summary>The pooled instance equal to a shareable value (after pooling its strings); anything else walked in place.</summary>
    private object Share(object value, int depth)
    {
        switch (value)
        {
            case ResourceQuantity quantity:
                return quantity.ToString() is { } text ? _quantities.GetOrAdd(text, _ => quantity) : quantity;
            case V1Condition condition:
                Walk(condition, depth);
                return _conditions.GetOrAdd(ConditionKey.Of(condition), _ => condition);
            default:
                Walk(value, depth);
                return value;
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

    private readonly record struct ConditionKey(
        string? Type, string? Status, string? Reason, string? Message, DateTime? LastTransitionTime, long? ObservedGeneration)
    {
        public static ConditionKey Of(V1Condition c) => new(c.Type, c.Status, c.Reason, c.Message, c.LastTransitionTime, c.ObservedGeneration);
    }
}
