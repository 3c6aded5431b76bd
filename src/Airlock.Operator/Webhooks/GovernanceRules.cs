using Airlock.Api.Tasks;
using A = Airlock.Api.AirlockAnnotations;

namespace Airlock.Operator.Webhooks;

/// <summary>
/// Who may write which governance annotation, as a pure function of the old and new annotations. The creator's identity
/// is written once by the mutating webhook and never changes; an approval, a rejection and a quarantine are each recorded
/// once (never changed or withdrawn) and only together with the identity of the requesting user; nothing but the creator
/// annotations may be present at creation. The RBAC verbs and the self-approval rule are checked by the caller.
/// </summary>
public static class GovernanceRules
{
    private static readonly string[] Creator = [A.CreatedBy, A.CreatedByGroups];
    private static readonly string[] Approval = [A.ApprovedBy, A.ApprovedAt, A.ApprovalSeal];
    private static readonly string[] Rejection = [A.RejectedBy, A.RejectionReason];
    private static readonly string[] Quarantine = [A.Quarantine, A.QuarantinedBy];

    /// <summary>The creator groups as recorded in <see cref="A.CreatedByGroups"/>.</summary>
    public static string GroupsValue(AdmissionUser user) => string.Join(",", user.Groups);

    /// <param name="stamped">
    /// False in the mutating webhook (identities are about to be stamped from the request); true in the validating one,
    /// where every identity must already name the requesting user.
    /// </param>
    public static GovernanceReview Review(
        string operation, IDictionary<string, string>? before, IDictionary<string, string>? after, string? phase, AdmissionUser user, bool stamped)
    {
        before ??= new Dictionary<string, string>();
        after ??= new Dictionary<string, string>();
        var problems = new List<string>();
        var actions = new List<GovernanceAction>();
        if (operation == "CREATE")
        {
            foreach (var key in Approval.Concat(Rejection).Concat(Quarantine).Where(after.ContainsKey))
                problems.Add($"metadata.annotations[{key}]: is written by Airlock when the task is approved, rejected or quarantined, never at creation; remove it");
            if (stamped && (Get(after, A.CreatedBy) != user.Username || Get(after, A.CreatedByGroups) != GroupsValue(user)))
                problems.Add($"metadata.annotations[{A.CreatedBy}]: records who created the task and is written by the admission webhook; remove it");
            return new GovernanceReview(actions, problems);
        }
        foreach (var key in Creator.Where(k => Get(before, k) != Get(after, k)))
            problems.Add($"metadata.annotations[{key}]: records who created the task and cannot be changed");
        Decision(Approval, GovernanceAction.Approve, "approved", "an approval cannot be changed or withdrawn", "airlock approve",
            phase is null or AgentTaskPhase.Pending or AgentTaskPhase.AwaitingApproval, "only a task waiting for approval can be approved");
        Decision(Rejection, GovernanceAction.Reject, "rejected", "a rejection is final", "airlock reject",
            phase is null or AgentTaskPhase.Pending or AgentTaskPhase.AwaitingApproval, "only a task that has not started can be rejected; stop a running one with airlock quarantine");
        Decision(Quarantine, GovernanceAction.Quarantine, "quarantined", "quarantine is final", "airlock quarantine",
            !AgentTaskPhase.IsTerminal(phase), "it has ended already");
        return new GovernanceReview(actions, problems);

        void Decision(string[] keys, GovernanceAction action, string done, string final, string command, bool phaseAllows, string phaseRule)
        {
            if (!keys.Any(k => Get(before, k) != Get(after, k))) return;
            var identity = keys[0] == A.Quarantine ? A.QuarantinedBy : keys[0];
            if (Get(before, keys[0]) is { } earlier)
            {
                var by = Get(before, identity) ?? earlier;
                problems.Add($"metadata.annotations[{keys[0]}]: the task was {done} by {by}; {final}");
                return;
            }
            if (Get(after, keys[0]) is null)
            {
                problems.Add($"metadata.annotations[{string.Join(", ", keys.Skip(1))}]: written only together with {keys[0]} ({command})");
                return;
            }
            if (!phaseAllows)
            {
                problems.Add($"the task is {phase}; {phaseRule}");
                return;
            }
            if (stamped && Get(after, identity) != user.Username)
            {
                problems.Add($"metadata.annotations[{identity}]: must name the requesting user {user.Username}; use {command}");
                return;
            }
            actions.Add(action);
        }
    }

    private static string? Get(IDictionary<string, string> annotations, string key) => annotations.TryGetValue(key, out var value) ? value : null;
}
