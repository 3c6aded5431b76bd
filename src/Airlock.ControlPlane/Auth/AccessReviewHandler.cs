using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;

namespace Airlock.ControlPlane.Auth;

/// <summary>SubjectAccessReview, LocalSubjectAccessReview, SelfSubjectAccessReview, SelfSubjectRulesReview and SelfSubjectReview.</summary>
public sealed class AccessReviewHandler(IAuthorizer authorizer)
{
    private const string AuthorizationGroup = "authorization.k8s.io";
    private const string AuthenticationGroup = "authentication.k8s.io";

    private readonly IAuthorizer _authorizer = authorizer;

    /// <summary>May <c>spec.user</c> (with <c>spec.groups</c>, <c>uid</c>, <c>extra</c>, taken as given) do what the spec asks?</summary>
    public JsonObject SubjectAccessReview(JsonObject review) => ReviewForSubject(review, "SubjectAccessReview");

    /// <summary>A SubjectAccessReview confined to the URL's namespace (resource attributes only).</summary>
    public JsonObject LocalSubjectAccessReview(string @namespace, JsonObject review)
    {
        var copy = (JsonObject)review.DeepClone();
        var metadata = copy["metadata"] as JsonObject ?? new JsonObject();
        copy["metadata"] = metadata;
        var metadataNamespace = JsonFields.Str(metadata, "namespace");
        var attributes = JsonFields.Obj(copy, "spec", "resourceAttributes");
        var requested = JsonFields.Str(attributes, "namespace");
        if ((metadataNamespace.Length > 0 && metadataNamespace != @namespace) || (requested.Length > 0 && requested != @namespace))
        {
            throw ApiError.BadRequest($"spec.resourceAttributes.namespace must match namespace: {@namespace}");
        }
        if (JsonFields.Obj(copy, "spec", "nonResourceAttributes") is not null)
        {
            throw ApiError.Invalid("LocalSubjectAccessReview", AuthorizationGroup, JsonFields.Str(metadata, "name"),
                [FieldError.Invalid("spec.nonResourceAttributes", "null", "disallowed on this kind of request")]);
        }
        metadata["namespace"] = @namespace;
        if (attributes is not null) attributes["namespace"] = @namespace;
        return ReviewForSubject(copy, "LocalSubjectAccessReview");
    }

    /// <summary>May the caller do what the spec asks (<c>kubectl auth can-i</c>)?</summary>
    public JsonObject SelfSubjectAccessReview(JsonObject review, UserInfo user)
    {
        var spec = JsonFields.Obj(review, "spec");
        var errors = ValidateAttributes(spec);
        if (errors.Count > 0) throw ApiError.Invalid("SelfSubjectAccessReview", AuthorizationGroup, Name(review), errors);
        return Respond(review, AuthorizationGroup, "SelfSubjectAccessReview", Status(_authorizer.Authorize(Attributes(user, spec!))));
    }

    /// <summary>Everything the caller may do in <c>spec.namespace</c> (<c>kubectl auth can-i --list</c>).</summary>
    public JsonObject SelfSubjectRulesReview(JsonObject review, UserInfo user)
    {
        var @namespace = JsonFields.Str(review, "spec", "namespace");
        if (@namespace.Length == 0) throw ApiError.BadRequest("no namespace on request");
        var resolution = _authorizer is IRuleResolver resolver
            ? resolver.RulesFor(user, @namespace)
            : new RuleResolution([], ["the authorizer cannot list rules"]);
        var status = new JsonObject
        {
            ["resourceRules"] = new JsonArray(resolution.Rules.Where(r => r.Resources.Count > 0).Select(r => (JsonNode?)(r with { NonResourceUrls = [] }).ToJson()).ToArray()),
            ["nonResourceRules"] = new JsonArray(resolution.Rules.Where(r => r.NonResourceUrls.Count > 0)
                .Select(r => (JsonNode?)new PolicyRule(r.Verbs, [], [], [], r.NonResourceUrls).ToJson()).ToArray()),
            ["incomplete"] = resolution.Errors.Count > 0,
        };
        if (resolution.Errors.Count > 0) status["evaluationError"] = string.Join(", ", resolution.Errors);
        return Respond(review, AuthorizationGroup, "SelfSubjectRulesReview", status);
    }

    /// <summary>Who the caller is (<c>kubectl auth whoami</c>).</summary>
    public JsonObject SelfSubjectReview(JsonObject review, UserInfo user) =>
        Respond(review, AuthenticationGroup, "SelfSubjectReview", new JsonObject { ["userInfo"] = JsonFields.User(user) });

    private JsonObject ReviewForSubject(JsonObject review, string kind)
    {
        var spec = JsonFields.Obj(review, "spec");
        var errors = ValidateAttributes(spec);
        var userName = JsonFields.Str(spec, "user");
        var groups = JsonFields.Strings(spec, "groups");
        if (userName.Length == 0 && groups.Count == 0) errors.Add(FieldError.Invalid("spec.user", "", "at least one of user or group must be specified"));
        if (errors.Count > 0) throw ApiError.Invalid(kind, AuthorizationGroup, Name(review), errors);
        // The subject is taken exactly as written: no system:authenticated is added (the API server adds none either).
        var uid = JsonFields.Str(spec, "uid");
        var subject = new UserInfo(userName, groups, uid.Length > 0 ? uid : null) { Extra = JsonFields.ReadMap(spec!["extra"]) };
        return Respond(review, AuthorizationGroup, kind, Status(_authorizer.Authorize(Attributes(subject, spec!))));
    }

    private static List<FieldError> ValidateAttributes(JsonObject? spec)
    {
        var resource = JsonFields.Obj(spec, "resourceAttributes");
        var nonResource = JsonFields.Obj(spec, "nonResourceAttributes");
        return (resource, nonResource) switch
        {
            (not null, not null) => [FieldError.Invalid("spec.nonResourceAttributes", "null", "cannot be specified in combination with resourceAttributes")],
            (null, null) => [FieldError.Invalid("spec.resourceAttributes", "null", "exactly one of nonResourceAttributes or resourceAttributes must be specified")],
            _ => [],
        };
    }

    private static AuthorizationAttributes Attributes(UserInfo user, JsonObject spec)
    {
        if (JsonFields.Obj(spec, "resourceAttributes") is { } r)
        {
            return new AuthorizationAttributes(user, JsonFields.Str(r, "verb"), true,
                ApiGroup: JsonFields.Str(r, "group"), ApiVersion: JsonFields.Str(r, "version"), Resource: JsonFields.Str(r, "resource"),
                Subresource: JsonFields.Str(r, "subresource"), Namespace: JsonFields.Str(r, "namespace"), Name: JsonFields.Str(r, "name"));
        }
        var n = JsonFields.Obj(spec, "nonResourceAttributes");
        return new AuthorizationAttributes(user, JsonFields.Str(n, "verb"), false, Path: JsonFields.Str(n, "path"));
    }

    private static JsonObject Status(AuthorizationDecision decision)
    {
        // RBAC never denies outright, it only fails to allow: "denied" stays unset, as the API server leaves it.
        var status = new JsonObject { ["allowed"] = decision.Allowed };
        if (decision.Reason.Length > 0) status["reason"] = decision.Reason;
        return status;
    }

    private static JsonObject Respond(JsonObject review, string group, string kind, JsonObject status)
    {
        var response = (JsonObject)review.DeepClone();
        response["apiVersion"] = $"{group}/v1";
        response["kind"] = kind;
        if (response["metadata"] is not JsonObject) response["metadata"] = new JsonObject();
        response["status"] = status;
        return response;
    }

    private static string Name(JsonObject review) => JsonFields.Str(review, "metadata", "name");
}
