using Airlock.Api;
using Airlock.Api.Tasks;
using Airlock.Gateway.Auth;
using Airlock.Runtime.Informers;
using k8s.Models;

namespace Airlock.Gateway.Tasks;

/// <summary>
/// Maps an authenticated service account to its AgentTask from informer caches (pods carrying the task label, and
/// AgentTasks): the token's bound pod must still exist with the same uid and service account, the service account must be
/// the task's <c>&lt;task&gt;-agent</c>, and the task must be Running with model access. Never calls the API server per request.
/// </summary>
public sealed class TaskDirectory(ISharedInformer<V1Pod> pods, ISharedInformer<AgentTask> tasks)
{
    public const string AgentSuffix = "-agent";

    public bool HasSynced => pods.HasSynced && tasks.HasSynced;

    public AgentTask? FindTask(string @namespace, string name) => tasks.Cache.Get(@namespace, name);

    public TaskResolution Resolve(TokenReviewOutcome caller)
    {
        if (caller.Namespace is not { } ns || caller.ServiceAccount is not { } account) return TaskResolution.Refused("invalid_token", "token names no service account");
        if (caller.PodName is not { } podName) return TaskResolution.Refused("token_not_bound", "token is not bound to a pod");
        var pod = pods.Cache.Get(ns, podName);
        if (pod is null || pod.Metadata.DeletionTimestamp is not null || (caller.PodUid is { } uid && pod.Metadata.Uid != uid))
        {
            return TaskResolution.Refused("pod_gone", $"pod {ns}/{podName} of this token no longer exists");
        }
        if (pod.Spec?.ServiceAccountName != account) return TaskResolution.Refused("pod_gone", $"pod {ns}/{podName} does not run as {account}");
        if (pod.Metadata.Labels?.TryGetValue(AirlockLabels.Task, out var taskName) != true || string.IsNullOrEmpty(taskName))
        {
            return TaskResolution.Refused("no_task", $"pod {ns}/{podName} belongs to no AgentTask");
        }
        if (account != taskName + AgentSuffix) return TaskResolution.Refused("no_task", $"service account {account} is not the agent of task {taskName}");
        var task = tasks.Cache.Get(ns, taskName);
        if (task is null) return TaskResolution.Refused("no_task", $"AgentTask {ns}/{taskName} does not exist");
        if (pod.Metadata.OwnerReferences?.FirstOrDefault(o => o.Kind == AgentTask.KubeKind) is { } owner && owner.Uid != task.Metadata.Uid)
        {
            return TaskResolution.Refused("no_task", $"pod {ns}/{podName} belongs to an older AgentTask {taskName}");
        }
        var phase = task.Status?.Phase;
        if (phase != AgentTaskPhase.Running) return TaskResolution.Refused("task_not_running", $"AgentTask {ns}/{taskName} is {phase ?? "Pending"}, not Running");
        if (task.Spec.Model is not { } model) return TaskResolution.Refused("no_model_access", $"AgentTask {ns}/{taskName} has no model access");
        return TaskResolution.Found(new CallerTask(ns, taskName, task.Metadata.Uid ?? "", podName, model, task));
    }
}
