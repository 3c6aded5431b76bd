using System.Net;
using Airlock.Api;
using Airlock.Api.Tasks;
using Airlock.Operator.Sandbox;
using Airlock.Runtime.Informers;
using k8s.Models;

namespace Airlock.Egress.Identity;

/// <summary>
/// <see cref="ICallerDirectory"/> over two shared informers: sandbox pods (label <c>agents.airlock.dev/task</c>) indexed
/// by IP, and AgentTasks indexed by their label value. An address held by more than one Running sandbox pod names nobody.
/// </summary>
public sealed class InformerCallerDirectory : ICallerDirectory
{
    private const string PodIpIndex = "pod-ip";
    private const string TaskLabelIndex = "task-label";

    private readonly ISharedInformer<V1Pod> _pods;
    private readonly ISharedInformer<AgentTask> _tasks;

    public InformerCallerDirectory(SharedInformerFactory informers)
    {
        _pods = informers.GetInformer<V1Pod>(new InformerScope(LabelSelector: AirlockLabels.Task));
        _tasks = informers.GetInformer<AgentTask>();
        _pods.Cache.AddIndexer(PodIpIndex, PodIps);
        _tasks.Cache.AddIndexer(TaskLabelIndex, t => [t.Metadata.NamespaceProperty + "/" + SandboxNames.TaskLabelValue(t.Metadata.Name)]);
    }

    public bool HasSynced => _pods.HasSynced && _tasks.HasSynced;

    public CallerIdentity? FindBySource(IPAddress source)
    {
        var key = Normalize(source);
        CallerIdentity? found = null;
        foreach (var pod in _pods.Cache.ByIndex(PodIpIndex, key))
        {
            if (!TaskPodMatcher.IsRunning(pod) || TaskPodMatcher.TaskLabel(pod) is not { } label) continue;
            if (found is not null) return null;
            var task = _tasks.Cache.ByIndex(TaskLabelIndex, pod.Metadata.NamespaceProperty + "/" + label)
                .FirstOrDefault(t => TaskPodMatcher.IsRunning(t) && TaskPodMatcher.BelongsTo(pod, t));
            if (task is null) return null;
            found = new CallerIdentity(pod, task);
        }
        return found;
    }

    public AgentTask? FindTask(string @namespace, string name) => _tasks.Cache.Get(@namespace, name);

    public V1Pod? RunningPodOf(AgentTask task) =>
        _pods.Cache.ByIndex(InformerCache<V1Pod>.NamespaceIndex, task.Metadata.NamespaceProperty)
            .SingleOrDefault(p => TaskPodMatcher.IsRunning(p) && TaskPodMatcher.BelongsTo(p, task) && p.Status?.PodIP is { Length: > 0 });

    private static IEnumerable<string> PodIps(V1Pod pod)
    {
        var ips = new HashSet<string>(StringComparer.Ordinal);
        if (pod.Status?.PodIP is { Length: > 0 } ip && IPAddress.TryParse(ip, out var parsed)) ips.Add(Normalize(parsed));
        foreach (var entry in pod.Status?.PodIPs ?? [])
        {
            if (IPAddress.TryParse(entry.Ip, out var other)) ips.Add(Normalize(other));
        }
        return ips;
    }

    private static string Normalize(IPAddress address) => Matching.AddressRanges.Canonical(address).ToString();
}
