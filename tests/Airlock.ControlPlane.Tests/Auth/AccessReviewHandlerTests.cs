using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Auth;
using Airlock.ControlPlane.Resources;
using static Airlock.ControlPlane.Tests.Auth.AuthObjects;

namespace Airlock.ControlPlane.Tests.Auth;

public sealed class AccessReviewHandlerTests
{
    private static readonly UserInfo Alice = new("alice", ["devs", "system:authenticated"], "alice-uid");

    private AccessReviewHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        var store = new InMemoryObjectReader().AddAll(BootstrapPolicy.Objects())
            .Add(BuiltinResources.Roles, Role("team-a", "cm-reader", Rule(["get", "list"], [""], ["configmaps"], ["settings"])))
            .Add(BuiltinResources.RoleBindings, Binding("team-a", "cm-reader", "Role", "cm-reader", Group("devs")));
        _handler = new AccessReviewHandler(new RbacAuthorizer(store));
    }

    private static JsonObject Review(string kind, JsonObject spec, string apiVersion = "authorization.k8s.io/v1") =>
        new() { ["apiVersion"] = apiVersion, ["kind"] = kind, ["spec"] = spec };

    private static JsonObject ResourceAttributes(string verb, string resource, string ns = "team-a", string name = "settings") => new()
    {
        ["namespace"] = ns,
        ["verb"] = verb,
        ["version"] = "v1",
        ["resource"] = resource,
        ["name"] = name,
    };

    private static JsonObject SubjectSpec(JsonObject attributes, string key = "resourceAttributes") => new()
    {
        ["user"] = "bob",
        ["groups"] = new JsonArray("devs"),
        [key] = attributes,
    };

    [Test]
    public void Subject_access_review_answers_for_the_named_subject()
    {
        var review = _handler.SubjectAccessReview(Review("SubjectAccessReview", SubjectSpec(ResourceAttributes("get", "configmaps"))));

        review["kind"]!.GetValue<string>().Should().Be("SubjectAccessReview");
        review["apiVersion"]!.GetValue<string>().Should().Be("authorization.k8s.io/v1");
        review["spec"]!["user"]!.GetValue<string>().Should().Be("bob");
        review["status"]!["allowed"]!.GetValue<bool>().Should().BeTrue();
        review["status"]!["reason"]!.GetValue<string>().Should().Be("RBAC: allowed by RoleBinding \"cm-reader/team-a\" of Role \"cm-reader\" to Group \"devs\"");
    }

    [Test]
    public void Subject_access_review_denies_what_no_rule_grants()
    {
        var status = _handler.SubjectAccessReview(Review("SubjectAccessReview", SubjectSpec(ResourceAttributes("delete", "configmaps"))))["status"]!;

        status["allowed"]!.GetValue<bool>().Should().BeFalse();
        status["denied"].Should().BeNull();
    }

    [Test]
    public void Subject_access_review_does_not_add_system_authenticated_to_the_subject()
    {
        var spec = new JsonObject { ["user"] = "carol", ["nonResourceAttributes"] = new JsonObject { ["verb"] = "get", ["path"] = "/version" } };

        _handler.SubjectAccessReview(Review("SubjectAccessReview", spec))["status"]!["allowed"]!.GetValue<bool>().Should().BeFalse();
    }

    [Test]
    public void Subject_access_review_checks_non_resource_paths()
    {
        var spec = SubjectSpec(new JsonObject { ["verb"] = "get", ["path"] = "/version" }, "nonResourceAttributes");
        spec["groups"] = new JsonArray("system:authenticated");

        _handler.SubjectAccessReview(Review("SubjectAccessReview", spec))["status"]!["allowed"]!.GetValue<bool>().Should().BeTrue();
    }

    [Test]
    public void Subject_access_review_without_user_or_group_is_invalid()
    {
        var spec = new JsonObject { ["resourceAttributes"] = ResourceAttributes("get", "pods") };

        var act = () => _handler.SubjectAccessReview(Review("SubjectAccessReview", spec));

        act.Should().Throw<ApiError>().Which.Message.Should().Contain("spec.user: Invalid value: \"\": at least one of user or group must be specified");
    }

    [Test]
    public void Subject_access_review_with_both_kinds_of_attributes_is_invalid()
    {
        var spec = SubjectSpec(ResourceAttributes("get", "pods"));
        spec["nonResourceAttributes"] = new JsonObject { ["verb"] = "get", ["path"] = "/version" };

        var act = () => _handler.SubjectAccessReview(Review("SubjectAccessReview", spec));

        act.Should().Throw<ApiError>().Which.Code.Should().Be(422);
    }

    [Test]
    public void Local_subject_access_review_is_confined_to_the_URL_namespace()
    {
        var review = Review("LocalSubjectAccessReview", SubjectSpec(ResourceAttributes("get", "configmaps", ns: "")));

        var answer = _handler.LocalSubjectAccessReview("team-a", review);

        answer["metadata"]!["namespace"]!.GetValue<string>().Should().Be("team-a");
        answer["status"]!["allowed"]!.GetValue<bool>().Should().BeTrue();
    }

    [Test]
    public void Local_subject_access_review_for_another_namespace_is_a_bad_request()
    {
        var act = () => _handler.LocalSubjectAccessReview("team-b", Review("LocalSubjectAccessReview", SubjectSpec(ResourceAttributes("get", "configmaps"))));

        var error = act.Should().Throw<ApiError>().Which;
        error.Code.Should().Be(400);
        error.Message.Should().Be("spec.resourceAttributes.namespace must match namespace: team-b");
    }

    [Test]
    public void Self_subject_access_review_answers_for_the_caller()
    {
        var spec = new JsonObject { ["resourceAttributes"] = ResourceAttributes("get", "configmaps", name: "other") };

        var review = _handler.SelfSubjectAccessReview(Review("SelfSubjectAccessReview", spec), Alice);

        review["kind"]!.GetValue<string>().Should().Be("SelfSubjectAccessReview");
        review["status"]!["allowed"]!.GetValue<bool>().Should().BeFalse();
    }

    [Test]
    public void Self_subject_rules_review_lists_resource_and_non_resource_rules()
    {
        var review = _handler.SelfSubjectRulesReview(Review("SelfSubjectRulesReview", new JsonObject { ["namespace"] = "team-a" }), Alice);

        var status = review["status"]!;
        status["incomplete"]!.GetValue<bool>().Should().BeFalse();
        status["resourceRules"]!.AsArray().Should().Contain(r => r!["resources"]![0]!.GetValue<string>() == "configmaps"
            && r["resourceNames"]![0]!.GetValue<string>() == "settings");
        status["resourceRules"]!.AsArray().Should().Contain(r => r!["resources"]![0]!.GetValue<string>() == "selfsubjectaccessreviews");
        status["nonResourceRules"]!.AsArray().Should().Contain(r => r!["nonResourceURLs"]!.AsArray().Any(u => u!.GetValue<string>() == "/version"));
    }

    [Test]
    public void Self_subject_rules_review_of_another_namespace_omits_its_role_bindings()
    {
        var review = _handler.SelfSubjectRulesReview(Review("SelfSubjectRulesReview", new JsonObject { ["namespace"] = "team-b" }), Alice);

        review["status"]!["resourceRules"]!.AsArray().Should().NotContain(r => r!["resources"]![0]!.GetValue<string>() == "configmaps");
    }

    [Test]
    public void Self_subject_review_tells_the_caller_who_they_are()
    {
        var review = _handler.SelfSubjectReview(new JsonObject { ["apiVersion"] = "authentication.k8s.io/v1", ["kind"] = "SelfSubjectReview" }, Alice);

        review["apiVersion"]!.GetValue<string>().Should().Be("authentication.k8s.io/v1");
        review["status"]!["userInfo"]!["username"]!.GetValue<string>().Should().Be("alice");
        review["status"]!["userInfo"]!["uid"]!.GetValue<string>().Should().Be("alice-uid");
        review["status"]!["userInfo"]!["groups"]!.AsArray().Select(g => g!.GetValue<string>()).Should().Equal("devs", "system:authenticated");
    }
}
