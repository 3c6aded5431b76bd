using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Airlock.Operator.Egress;

/// <summary>A <c>cilium.io/v2</c> CiliumNetworkPolicy; the spec is kept as JSON (Cilium's types are not in the client library).</summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeVersion, PluralName = KubePlural)]
public sealed class CiliumNetworkPolicy : IKubernetesObject<V1ObjectMeta>
{
    public const string KubeGroup = "cilium.io";
    public const string KubeVersion = "v2";
    public const string KubeApiVersion = KubeGroup + "/" + KubeVersion;
    public const string KubeKind = "CiliumNetworkPolicy";
    public const string KubePlural = "ciliumnetworkpolicies";

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = KubeApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KubeKind;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public JsonObject Spec { get; set; } = [];
}
