using Airlock.Api;
using Airlock.Api.Tasks;
using k8s;
using k8s.Models;

namespace Airlock.Operator.Webhooks;

/// <summary>SubjectAccessReviews for <c>agenttasks.agents.airlock.dev</c> through the operator's client.</summary>
public sealed class KubernetesSubjectAccessReviewer(IKubernetes client) : ISubjectAccessReviewer
{
    public async Task<bool> AllowedAsync(AdmissionUser user, string verb, string @namespace, string name, CancellationToken cancellationToken)
    {
        var review = new V1SubjectAccessReview
        {
            Spec = new V1SubjectAccessReviewSpec
            {
                User = user.Username,
                Groups = [.. user.Groups],
                Uid = user.Uid,
                Extra = user.Extra.ToDictionary(e => e.Key, e => (IList<string>)[.. e.Value]),
                ResourceAttributes = new V1ResourceAttributes
                {
                    Group = AgentsGroup.Name,
                    Resource = AgentTask.KubePlural,
                    Verb = verb,
                    NamespaceProperty = @namespace,
                    Name = name,
                },
            },
        };
        try
        {
            var answer = await client.AuthorizationV1.CreateSubjectAccessReviewAsync(review, cancellationToken: cancellationToken).ConfigureAwait(false);
            return answer.Status?.Allowed == true && answer.Status.Denied != true;
        }
        catch (Exception e) when (e is k8s.Autorest.HttpOperationException or HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
