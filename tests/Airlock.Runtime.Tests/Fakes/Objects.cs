using k8s.Models;

namespace Airlock.Runtime.Tests.Fakes;

/// <summary>Small model objects for tests.</summary>
public static class Objects
{
    public static V1ConfigMap ConfigMap(string name, string resourceVersion, string ns = "default", string? uid = null, V1OwnerReference? owner = null) =>
        new()
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = ns,
                ResourceVersion = resourceVersion,
                Uid = uid ?? name + "-uid",
                OwnerReferences = owner is null ? null : [owner],
            },
        };

    public static V1Pod Pod(string name, string resourceVersion, V1OwnerReference? owner = null, string ns = "default") =>
        new()
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = ns,
                ResourceVersion = resourceVersion,
                Uid = name + "-uid",
                OwnerReferences = owner is null ? null : [owner],
            },
        };

    public static V1OwnerReference ControllerRef(V1ConfigMap owner) =>
        new() { ApiVersion = "v1", Kind = "ConfigMap", Name = owner.Metadata.Name, Uid = owner.Metadata.Uid, Controller = true };
}
