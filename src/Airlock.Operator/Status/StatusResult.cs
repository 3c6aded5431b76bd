using Airlock.Api.Tasks;

namespace Airlock.Operator.Status;

/// <summary>The status a task should have now, and what the reconciler should do about time.</summary>
/// <param name="Status">The new status (compare it with <see cref="AgentTaskStatusCalculator.Differs"/> before writing).</param>
/// <param name="RequeueAt">The next deadline to look again at (TTL expiry, start timeout, run timeout, debug expiry); null when none.</param>
/// <param name="ChildrenExpired">True when the task's end is on record and ttlSecondsAfterFinished has passed since: delete its children.</param>
/// <param name="StopSandbox">True when the pod must go now (quarantined or rejected) while the rest stays for inspection.</param>
/// <param name="PodAbsenceUnconfirmed">
/// True when the task has started but its pod is missing from the cache: the status is left as it was, and the reconciler
/// must read the pod from the API server and compute again (with <see cref="ObservedChildren.PodGoneConfirmed"/> when it is gone).
/// </param>
public sealed record StatusResult(AgentTaskStatus Status, DateTime? RequeueAt, bool ChildrenExpired, bool StopSandbox, bool PodAbsenceUnconfirmed = false);
