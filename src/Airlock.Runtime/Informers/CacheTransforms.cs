using k8s;
using k8s.Models;

namespace Airlock.Runtime.Informers;

/// <summary>
/// Informer transforms that keep a controller's caches small: per kind, drop what a controller acting on owned children
/// never reads from its cache, then pool the strings and owner references that thousands of objects share (see
/// <see cref="ForControllers"/>).
/// </summary>
/// <remarks>
/// What stays: all metadata but <c>managedFields</c> and the <c>kubectl.kubernetes.io/last-applied-configuration</c>
/// annotation (labels, every other annotation such as a desired-state hash, ownerReferences, finalizers, deletion and
/// resource versions). Per kind:
/// <list type="bullet">
/// <item>Pod: of the spec only <c>activeDeadlineSeconds</c>, <c>runtimeClassName</c> and the name and image of each
/// container, init container and ephemeral container (one shared spec object per set of these values: pods started
/// from the same image share it); of the status <c>phase</c>, <c>reason</c>, <c>message</c>,
/// <c>startTime</c> and each container's name, readiness, restart count and state (conditions, addresses and images go).</item>
/// <item>ConfigMap and Secret: no data.</item>
/// <item>NetworkPolicy: no spec. Role: no rules. RoleBinding: no subjects (the roleRef stays).</item>
/// <item>Event: no <c>related</c> object or <c>series</c>.</item>
/// <item>Anything else (custom resources, namespaces, service accounts): metadata as above, the rest whole.</item>
/// </list>
/// Cached objects are read-only by contract; a controller that needs a dropped field reads the object from the API.
/// </remarks>
public static class CacheTransforms
{
    public const string LastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration";

    /// <summary>One slim pod spec per (deadline, runtime class, containers' names and images): pods of a kind share it.</summary>
    private static readonly GenerationalPool<(long? Deadline, string? RuntimeClass, string Images), V1PodSpec> SlimPodSpecs = new(generationSize: 256);

    /// <summary>
    /// Slims (<see cref="Slim"/>), pools strings (<see cref="ObjectStringInterner"/>), then shares owner-reference lists
    /// (<see cref="OwnerReferencePool"/>), with one pool of each per transform.
    /// </summary>
    public static Func<IKubernetesObject<V1ObjectMeta>, IKubernetesObject<V1ObjectMeta>> ForControllers(StringPool? pool = null)
    {
        var interner = new ObjectStringInterner(pool ?? new StringPool());
        var owners = new OwnerReferencePool();
        return obj =>
        {
            Slim(obj);
            interner.Intern(obj);
            owners.Share(obj);
            return obj;
        };
    }

    /// <summary>Drops in place what a controller does not read (see the remarks); returns the same object.</summary>
    public static IKubernetesObject<V1ObjectMeta> Slim(IKubernetesObject<V1ObjectMeta> obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (obj.Metadata is { } meta)
        {
            meta.ManagedFields = null;
            meta.Annotations?.Remove(LastAppliedAnnotation);
            if (meta.Annotations is { Count: 0 }) meta.Annotations = null;
        }
        switch (obj)
        {
            case V1Pod pod:
                SlimPod(pod);
                break;
            case V1ConfigMap configMap:
                configMap.Data = null;
                configMap.BinaryData = null;
                break;
            case V1Secret secret:
                secret.Data = null;
                secret.StringData = null;
                break;
            case V1NetworkPolicy policy:
                policy.Spec = null;
                break;
            case V1Role role:
                role.Rules = null;
                break;
            case V1RoleBinding binding:
                binding.Subjects = null;
                break;
            case Corev1Event e:
                e.Related = null;
                e.Series = null;
                break;
        }
        return obj;
    }

    private static void SlimPod(V1Pod pod)
    {
        if (pod.Spec is { } spec)
        {
            // The key carries the images as text, so the shared spec is made from the key alone (the factory is static).
            var images = Images(spec.Containers, "c") + Images(spec.InitContainers, "i") + Images(spec.EphemeralContainers, "e");
            pod.Spec = SlimPodSpecs.GetOrAdd((spec.ActiveDeadlineSeconds, spec.RuntimeClassName, images), static key => SlimSpec(key.Deadline, key.RuntimeClass, key.Images));
        }
        if (pod.Status is { } status)
        {
            pod.Status = new V1PodStatus
            {
                Phase = status.Phase,
                Reason = status.Reason,
                Message = status.Message,
                StartTime = status.StartTime,
                // Only the failing conditions: they say why a pod never started (unschedulable, missing RuntimeClass).
                Conditions = status.Conditions?.Where(c => c.Status != "True").ToList() is { Count: > 0 } failing ? failing : null,
                InitContainerStatuses = status.InitContainerStatuses?.Select(SlimContainer).ToList(),
                ContainerStatuses = status.ContainerStatuses?.Select(SlimContainer).ToList(),
            };
        }
    }

    /// <summary>"kind name image\n" per container; names and images hold no spaces or line breaks.</summary>
    private static string Images<T>(IEnumerable<T>? containers, string kind)
    {
        if (containers is null) return "";
        var text = new System.Text.StringBuilder();
        foreach (var container in containers)
        {
            var (name, image) = container switch
            {
                V1Container c => (c.Name, c.Image),
                V1EphemeralContainer e => (e.Name, e.Image),
                _ => (null, null),
            };
            text.Append(kind).Append(' ').Append(name).Append(' ').Append(image).Append('\n');
        }
        return text.ToString();
    }

    private static V1PodSpec SlimSpec(long? deadline, string? runtimeClass, string images)
    {
        List<V1Container> containers = [], init = [];
        List<V1EphemeralContainer> ephemeral = [];
        foreach (var line in images.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ');
            var (name, image) = (Blank(parts[1]), Blank(parts[2]));
            if (parts[0] == "e") ephemeral.Add(new V1EphemeralContainer { Name = name, Image = image });
            else (parts[0] == "i" ? init : containers).Add(new V1Container { Name = name, Image = image });
        }
        return new V1PodSpec
        {
            Containers = containers.Count == 0 ? Array.Empty<V1Container>() : containers.AsReadOnly(),
            InitContainers = init.Count == 0 ? null : init.AsReadOnly(),
            EphemeralContainers = ephemeral.Count == 0 ? null : ephemeral.AsReadOnly(),
            ActiveDeadlineSeconds = deadline,
            RuntimeClassName = runtimeClass,
        };
    }

    private static string? Blank(string value) => value.Length == 0 ? null : value;

    private static V1ContainerStatus SlimContainer(V1ContainerStatus c) => new()
    {
        Name = c.Name,
        Ready = c.Ready,
        RestartCount = c.RestartCount,
        Started = c.Started,
        State = c.State,
    };
}
