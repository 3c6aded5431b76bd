namespace Airlock.Operator.Webhooks;

/// <summary>Asks the API server whether a user may use a verb on an AgentTask (a SubjectAccessReview).</summary>
public interface ISubjectAccessReviewer
{
    /// <summary>True only when RBAC allows it; an error or no answer is a no (fail closed).</summary>
    Task<bool> AllowedAsync(AdmissionUser user, string verb, string @namespace, string name, CancellationToken cancellationToken);
}
