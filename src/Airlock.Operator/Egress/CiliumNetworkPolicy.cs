using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Airlock.Operator.Egress;

/// <summary>A <c>cilium.io/v2</c> CiliumNetworkPolicy; the spec is kept as JSON (Cilium's types are not in the client library).</summary>
public sealed class CiliumNetworkPolicy : IKubernetesObject<V1ObjectMeta>
{
    public const string KubeApiVersion = "cilium.io/v2";
    public const string KubeKind = "CiliumNetworkPolicy";

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = KubeApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KubeKind;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public JsonObject Spec { get; set; } = [];
}
