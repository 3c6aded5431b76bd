using System.Reflection;
using k8s.Models;

namespace Airlock.Runtime;

/// <summary>Group, version, kind and plural of a model type, read from its <see cref="KubernetesEntityAttribute"/>.</summary>
public sealed record ResourceType(string Group, string Version, string Kind, string Plural)
{
    /// <summary>"v1" for the core group, otherwise "group/version" (as in ownerReferences).</summary>
    public string ApiVersion => Group.Length == 0 ? Version : Group + "/" + Version;

    public static ResourceType Of<T>() => Of(typeof(T));

    public static ResourceType Of(Type type)
    {
        var entity = type.GetCustomAttribute<KubernetesEntityAttribute>()
            ?? throw new ArgumentException($"{type.Name} has no [KubernetesEntity] attribute; give its resource type explicitly.", nameof(type));
        return new ResourceType(entity.Group ?? "", entity.ApiVersion, entity.Kind, entity.PluralName);
    }
}
