using k8s;
using k8s.Models;

namespace Airlock.Runtime;

/// <summary>Namespace and name of an object; the namespace is empty for cluster-scoped objects.</summary>
public readonly record struct ObjectKey(string Namespace, string Name)
{
    public static ObjectKey Of(IKubernetesObject<V1ObjectMeta> obj) =>
        new(obj.Metadata?.NamespaceProperty ?? "", obj.Metadata?.Name ?? "");

    public override string ToString() => Namespace.Length == 0 ? Name : Namespace + "/" + Name;
}
