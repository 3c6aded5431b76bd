namespace Airlock.Operator.Webhooks;

/// <summary>A decision recorded on a task through its annotations; each needs the RBAC verb of the same name.</summary>
public enum GovernanceAction
{
    Approve,
    Reject,
    Quarantine,
}
