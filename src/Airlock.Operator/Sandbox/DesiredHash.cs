using System.Security.Cryptography;
using System.Text;
using Airlock.Api;
using Airlock.Api.Tasks;
using k8s;
using k8s.Models;

namespace Airlock.Operator.Sandbox;

/// <summary>Stable SHA-256 fingerprints of desired objects and of task specs, written as annotations.</summary>
public static class DesiredHash
{
    /// <summary>
    /// Hashes the object as built (without its own hash annotation) and records it in <see cref="AirlockAnnotations.DesiredHash"/>.
    /// For the kinds the operator patches the hash is their <see cref="ChildFingerprint"/>, which a stored copy can be
    /// checked against; for the rest (the pod, Cilium policies) it is the hash of the whole object.
    /// </summary>
    public static T Stamp<T>(T obj)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        obj.Metadata.Annotations?.Remove(AirlockAnnotations.DesiredHash);
        var hash = ChildFingerprint.Covers(obj) ? ChildFingerprint.Of(obj) : Of(KubernetesJson.Serialize(obj));
        obj.Metadata.Annotations ??= new Dictionary<string, string>();
        obj.Metadata.Annotations[AirlockAnnotations.DesiredHash] = hash;
        return obj;
    }

    /// <summary>The hash an object carries, or null when it carries none (then treat it as different).</summary>
    public static string? Read(IKubernetesObject<V1ObjectMeta> obj) =>
        obj.Metadata?.Annotations?.TryGetValue(AirlockAnnotations.DesiredHash, out var hash) == true ? hash : null;

    /// <summary>The <see cref="OfSandboxSpec"/> a sandbox pod was built from (its <see cref="AirlockAnnotations.SpecHash"/>), or null.</summary>
    public static string? ReadSpecHash(IKubernetesObject<V1ObjectMeta> pod) =>
        pod.Metadata?.Annotations?.TryGetValue(AirlockAnnotations.SpecHash, out var hash) == true ? hash : null;

    /// <summary>
    /// Fingerprint of what the sandbox pod is built from: the spec without <c>debug</c> (a debug opening changes only the
    /// NetworkPolicy) and without <c>ttlSecondsAfterFinished</c> (it only decides when children are deleted).
    /// </summary>
    public static string OfSandboxSpec(AgentTaskSpec spec)
    {
        var json = KubernetesJson.Serialize(spec);
        var copy = KubernetesJson.Deserialize<AgentTaskSpec>(json);
        copy.Debug = null;
        copy.TtlSecondsAfterFinished = null;
        return Of(KubernetesJson.Serialize(copy));
    }

    private static string Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
