using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Airlock.Api;
using k8s;
using k8s.Models;

namespace Airlock.Operator.Sandbox;

/// <summary>
/// The fingerprint of what Airlock owns in a sandbox child that it may patch (ServiceAccount, ConfigMap, NetworkPolicy,
/// Role, RoleBinding): its Airlock labels and annotations, its owner references and its whole content (the policy spec,
/// the rules, the subjects and role reference, the data, the token settings). The builders stamp it as the desired-state
/// hash, and the operator computes it again on every copy the API server sends: a copy whose content no longer matches
/// its own stamp was changed by someone else, and the reconciler restores it (<see cref="Reconciliation.DriftMarker"/>).
/// </summary>
/// <remarks>
/// The form is canonical so that an object as built and the same object as stored hash alike: object keys sorted;
/// nulls, empty strings, empty lists and empty objects dropped (the API server omits them); a NetworkPolicy port without
/// a protocol counts as TCP (the API server's default). Labels and annotations of other parties are not covered: they
/// change nothing Airlock enforces, and restoring them would fight the tools that add them.
/// </remarks>
public static class ChildFingerprint
{
    private static readonly string[] OwnLabels = [AirlockLabels.Task, AirlockLabels.ManagedBy, AirlockLabels.Component];
    private const string OwnPrefix = AgentsGroup.Name + "/";

    /// <summary>True for the kinds this fingerprint covers (the pod is never patched and has its own checks).</summary>
    public static bool Covers(IKubernetesObject<V1ObjectMeta> obj) =>
        obj is V1ServiceAccount or V1ConfigMap or V1NetworkPolicy or V1Role or V1RoleBinding;

    /// <summary>
    /// Starts every fingerprint, so a stamp written by an operator before fingerprints (a hash of the whole object) is told
    /// apart: such a child is patched to the new stamp once, as any changed desired state, without being reported as drift.
    /// </summary>
    public const string Prefix = "fp1-";

    /// <summary><see cref="Prefix"/> and the SHA-256 (hex) of the canonical guarded content; throws for a kind it does not cover.</summary>
    public static string Of(IKubernetesObject<V1ObjectMeta> obj)
    {
        var canonical = Canonical(Guarded(obj)) ?? new JsonObject();
        return Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToJsonString())));
    }

    /// <summary>The guarded parts, before canonicalisation (for tests and diagnostics).</summary>
    public static JsonObject Guarded(IKubernetesObject<V1ObjectMeta> obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var meta = obj.Metadata ?? new V1ObjectMeta();
        return new JsonObject
        {
            ["labels"] = Filter(meta.Labels, IsOwnLabel),
            ["annotations"] = Filter(meta.Annotations, key => IsOwnAnnotation(key) && key != AirlockAnnotations.DesiredHash),
            ["ownerReferences"] = Node(meta.OwnerReferences),
            ["content"] = Content(obj),
        };
    }

    /// <summary>A label Airlock sets on its children (and so guards and restores).</summary>
    public static bool IsOwnLabel(string key) => OwnLabels.Contains(key) || key.StartsWith(OwnPrefix, StringComparison.Ordinal);

    /// <summary>An annotation in Airlock's own prefix (guarded and restored, like the labels).</summary>
    public static bool IsOwnAnnotation(string key) => key.StartsWith(OwnPrefix, StringComparison.Ordinal);

    private static JsonNode? Content(IKubernetesObject<V1ObjectMeta> obj) => obj switch
    {
        V1ServiceAccount sa => new JsonObject
        {
            ["automountServiceAccountToken"] = sa.AutomountServiceAccountToken,
            ["secrets"] = Node(sa.Secrets),
            ["imagePullSecrets"] = Node(sa.ImagePullSecrets),
        },
        V1ConfigMap cm => new JsonObject { ["data"] = Node(cm.Data), ["binaryData"] = Node(cm.BinaryData), ["immutable"] = cm.Immutable },
        V1NetworkPolicy np => DefaultProtocols(Node(np.Spec)),
        V1Role role => new JsonObject { ["rules"] = Node(role.Rules) },
        V1RoleBinding rb => new JsonObject { ["roleRef"] = Node(rb.RoleRef), ["subjects"] = Node(rb.Subjects) },
        _ => throw new ArgumentException($"{obj.GetType().Name} has no child fingerprint", nameof(obj)),
    };

    private static JsonObject? Filter(IDictionary<string, string>? map, Func<string, bool> keep)
    {
        if (map is null) return null;
        var kept = new JsonObject();
        foreach (var (key, value) in map)
        {
            if (keep(key)) kept[key] = value;
        }
        return kept;
    }

    /// <summary>A typed API value as a JSON tree, as the API server would hold it (null stays null).</summary>
    internal static JsonNode? Node<T>(T? value) => value is null ? null : JsonNode.Parse(KubernetesJson.Serialize(value));

    /// <summary>A port without a protocol is TCP: the API server writes that default, a builder may leave it out.</summary>
    private static JsonNode? DefaultProtocols(JsonNode? spec)
    {
        foreach (var direction in new[] { "ingress", "egress" })
        {
            if (spec?[direction] is not JsonArray rules) continue;
            foreach (var rule in rules)
            {
                if (rule?["ports"] is not JsonArray ports) continue;
                foreach (var port in ports.OfType<JsonObject>())
                {
                    if (port["protocol"] is null) port["protocol"] = "TCP";
                }
            }
        }
        return spec;
    }

    /// <summary>Sorted keys, no empty values; null when nothing is left.</summary>
    private static JsonNode? Canonical(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                var sorted = new JsonObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (Canonical(value) is { } kept) sorted[key] = kept;
                }
                return sorted.Count == 0 ? null : sorted;
            case JsonArray array:
                var items = new JsonArray();
                foreach (var item in array)
                {
                    // Inside a list an item stays even when empty (an empty peer or rule means "everything").
                    items.Add(Canonical(item) ?? new JsonObject());
                }
                return items.Count == 0 ? null : items;
            case JsonValue value:
                return value.TryGetValue<string>(out var text) && text.Length == 0 ? null : value.DeepClone();
            default:
                return null;
        }
    }
}
