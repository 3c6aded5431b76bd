using Airlock.Api.Tasks;

namespace Airlock.Gateway.Tasks;

/// <summary>The task behind a caller: its identity, the calling pod, and what it may do with models.</summary>
public sealed record CallerTask(string Namespace, string Name, string Uid, string Pod, ModelAccess Model, AgentTask Task)
{
    /// <summary>The key of the task's counters: a re-created task with the same name starts from zero.</summary>
    public string LimitKey => $"{Namespace}/{Name}/{Uid}";

    public bool AllowsModel(string model) =>
        Model.AllowedModels is not { Count: > 0 } allowed || allowed.Contains(model, StringComparer.Ordinal);
}
