using System.Text.Json.Nodes;
using Airlock.Operator.Sandbox;
using k8s;
using k8s.Models;

namespace Airlock.Operator.Reconciliation;

/// <summary>
/// The JSON Patch (RFC 6902) that puts a child back to exactly its desired state. A merge patch cannot: it merges maps, so
/// a key someone added to a NetworkPolicy's pod selector (which would unselect the sandbox pod) would survive it. Here
/// every guarded part is replaced whole: the content fields, the owner references, and Airlock's own labels and
/// annotations (those of others are kept). Two tests guard it: the uid (the same object) and the resourceVersion (nothing
/// changed since the copy the decision was made on; otherwise the patch fails and the task is reconciled again).
/// </summary>
public static class ChildPatch
{
    public static string Build(IKubernetesObject<V1ObjectMeta> desired, IKubernetesObject<V1ObjectMeta> current)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(current);
        var ops = new JsonArray
        {
            Op("test", "/metadata/uid", current.Metadata.Uid),
            Op("test", "/metadata/resourceVersion", current.Metadata.ResourceVersion),
            Op("add", "/metadata/labels", Merge(current.Metadata.Labels, desired.Metadata.Labels, ChildFingerprint.IsOwnLabel)),
            Op("add", "/metadata/annotations", Merge(current.Metadata.Annotations, desired.Metadata.Annotations, ChildFingerprint.IsOwnAnnotation)),
            Op("add", "/metadata/ownerReferences", ChildFingerprint.Node(desired.Metadata.OwnerReferences) ?? new JsonArray()),
        };
        foreach (var (path, value) in Content(desired)) ops.Add(Op("add", path, value));
        return ops.ToJsonString();
    }

    private static IEnumerable<(string Path, JsonNode? Value)> Content(IKubernetesObject<V1ObjectMeta> desired) => desired switch
    {
        V1ServiceAccount sa =>
        [
            ("/automountServiceAccountToken", sa.AutomountServiceAccountToken is { } automount ? JsonValue.Create(automount) : JsonValue.Create(false)),
            ("/secrets", ChildFingerprint.Node(sa.Secrets) ?? new JsonArray()),
            ("/imagePullSecrets", ChildFingerprint.Node(sa.ImagePullSecrets) ?? new JsonArray()),
        ],
        V1ConfigMap cm => [("/data", ChildFingerprint.Node(cm.Data) ?? new JsonObject()), ("/binaryData", ChildFingerprint.Node(cm.BinaryData) ?? new JsonObject())],
        V1NetworkPolicy np => [("/spec", ChildFingerprint.Node(np.Spec) ?? new JsonObject())],
        V1Role role => [("/rules", ChildFingerprint.Node(role.Rules) ?? new JsonArray())],
        // roleRef cannot change on a stored binding: only the subjects are put back.
        V1RoleBinding rb => [("/subjects", ChildFingerprint.Node(rb.Subjects) ?? new JsonArray())],
        _ => throw new ArgumentException($"{desired.GetType().Name} is never patched", nameof(desired)),
    };

    /// <summary>Others' entries of <paramref name="current"/>, then all of <paramref name="desired"/>.</summary>
    private static JsonObject Merge(IDictionary<string, string>? current, IDictionary<string, string>? desired, Func<string, bool> own)
    {
        var merged = new JsonObject();
        foreach (var (key, value) in current ?? new Dictionary<string, string>())
        {
            if (!own(key)) merged[key] = value;
        }
        foreach (var (key, value) in desired ?? new Dictionary<string, string>()) merged[key] = value;
        return merged;
    }

    private static JsonObject Op(string op, string path, JsonNode? value) => new() { ["op"] = op, ["path"] = path, ["value"] = value };

    private static JsonObject Op(string op, string path, string? value) => Op(op, path, JsonValue.Create(value));
}
