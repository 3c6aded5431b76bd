using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Auth;

/// <summary>SubjectAccessReview, LocalSubjectAccessReview, SelfSubjectAccessReview, SelfSubjectRulesReview and SelfSubjectReview.</summary>
public sealed class AccessReviewHandler(IAuthorizer authorizer)
{
    private readonly IAuthorizer _authorizer = authorizer;

    public JsonObject SubjectAccessReview(JsonObject review) => throw new NotImplementedException(_authorizer.ToString());

    public JsonObject LocalSubjectAccessReview(string @namespace, JsonObject review) => throw new NotImplementedException();

    public JsonObject SelfSubjectAccessReview(JsonObject review, UserInfo user) => throw new NotImplementedException();

    public JsonObject SelfSubjectRulesReview(JsonObject review, UserInfo user) => throw new NotImplementedException();

    public JsonObject SelfSubjectReview(JsonObject review, UserInfo user) => throw new NotImplementedException();
}
