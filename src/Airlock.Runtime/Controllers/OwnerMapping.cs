using k8s;
using k8s.Models;

namespace Airlock.Runtime.Controllers;

/// <summary>Maps an object to its controller owner, as controller-runtime's Owns() does.</summary>
public static class OwnerMapping
{
    /// <summary>
    /// The key of the ownerReference with controller=true whose kind and API group match <paramref name="owner"/>
    /// (any version of the group: the owner may be stored under another version), in the object's namespace.
    /// </summary>
    public static IEnumerable<ObjectKey> ControllerOwner(IKubernetesObject<V1ObjectMeta> obj, ResourceType owner)
    {
        var refs = obj.Metadata?.OwnerReferences;
        if (refs is null) yield break;
        foreach (var r in refs)
        {
            if (r.Controller != true || r.Kind != owner.Kind || GroupOf(r.ApiVersion) != owner.Group) continue;
            yield return new ObjectKey(obj.Metadata!.NamespaceProperty ?? "", r.Name);
        }
    }

    private static string GroupOf(string? apiVersion)
    {
        if (string.IsNullOrEmpty(apiVersion)) return "";
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? "" : apiVersion[..slash];
    }
}
