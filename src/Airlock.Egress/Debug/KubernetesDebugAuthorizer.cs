using Airlock.Api;
using Airlock.Api.Tasks;
using Airlock.Egress.Matching;
using k8s;
using k8s.Models;

namespace Airlock.Egress.Debug;

/// <summary>
/// A TokenReview of the user's token, then a SubjectAccessReview for verb <see cref="Verb"/> on
/// <c>agenttasks.agents.airlock.dev</c> (that task, in its namespace) as that user. Any error is a refusal.
/// </summary>
public sealed class KubernetesDebugAuthorizer(IKubernetes client) : IDebugAuthorizer
{
    public const string Verb = "debug";

    public async Task<DebugAuthorization> AuthorizeAsync(string bearerToken, string @namespace, string task, CancellationToken cancellationToken)
    {
        try
        {
            var review = await client.AuthenticationV1.CreateTokenReviewAsync(
                new V1TokenReview { Spec = new V1TokenReviewSpec { Token = bearerToken } }, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (review.Status?.Authenticated != true || review.Status.User?.Username is not { Length: > 0 } user)
                return DebugAuthorization.Deny(DenyReasons.Unauthenticated);
            var access = await client.AuthorizationV1.CreateSubjectAccessReviewAsync(new V1SubjectAccessReview
            {
                Spec = new V1SubjectAccessReviewSpec
                {
                    User = user,
                    Groups = review.Status.User.Groups,
                    Uid = review.Status.User.Uid,
                    Extra = review.Status.User.Extra,
                    ResourceAttributes = new V1ResourceAttributes
                    {
                        Group = AgentsGroup.Name,
                        Resource = AgentTask.KubePlural,
                        Verb = Verb,
                        NamespaceProperty = @namespace,
                        Name = task,
                    },
                },
            }, cancellationToken: cancellationToken).ConfigureAwait(false);
            return access.Status?.Allowed == true ? new DebugAuthorization(true, user, "") : DebugAuthorization.Deny(DenyReasons.Forbidden, user);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return DebugAuthorization.Deny(DenyReasons.Unauthenticated);
        }
    }
}
