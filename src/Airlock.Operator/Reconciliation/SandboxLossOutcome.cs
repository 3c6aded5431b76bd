using Airlock.Api.Tasks;

namespace Airlock.Operator.Reconciliation;

/// <summary>What <see cref="SandboxLossCheck"/> read from the API server.</summary>
/// <param name="Task">The task as stored now; null when it is gone (or replaced by another of the same name).</param>
/// <param name="Observed">The sandbox with the pod as stored now (null when there is none).</param>
/// <param name="PodGone">True when the pod is gone while the stored task is unfinished: the sandbox is lost.</param>
public sealed record SandboxLossOutcome(AgentTask? Task, ObservedSandbox Observed, bool PodGone);
