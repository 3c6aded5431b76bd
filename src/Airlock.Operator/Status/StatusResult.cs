using Airlock.Api.Tasks;

namespace Airlock.Operator.Status;

/// <summary>The status a task should have now, and what the reconciler should do about time.</summary>
/// <param name="Status">The new status (compare it with <see cref="AgentTaskStatusCalculator.Differs"/> before writing).</param>
/// <param name="RequeueAt">The next deadline to look again at (TTL expiry, timeout, debug expiry); null when none.</param>
/// <param name="ChildrenExpired">True when the task ended more than ttlSecondsAfterFinished ago: delete its children.</param>
/// <param name="StopSandbox">True when the pod must go now (quarantined or rejected) while the rest stays for inspection.</param>
public sealed record StatusResult(AgentTaskStatus Status, DateTime? RequeueAt, bool ChildrenExpired, bool StopSandbox);
