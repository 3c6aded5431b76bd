using System.Text.Json.Nodes;
using Airlock.ControlPlane.Admission;
using Airlock.ControlPlane.Resources;

namespace Airlock.ControlPlane.Tests.Admission;

public class AdmissionReviewsTests
{
    private static JsonObject Review(JsonObject response) =>
        new() { ["apiVersion"] = "admission.k8s.io/v1", ["kind"] = "AdmissionReview", ["response"] = response };

    [Test]
    public void A_request_is_an_admission_review_v1_with_the_given_uid()
    {
        var review = AdmissionReviews.Request(Webhooks.CreatePod(), "u-1");
        ((string?)review["apiVersion"]).Should().Be("admission.k8s.io/v1");
        ((string?)review["request"]!["uid"]).Should().Be("u-1");
        ((string?)review["request"]!["options"]!["kind"]).Should().Be("CreateOptions");
        ((bool)review["request"]!["dryRun"]!).Should().BeFalse();
    }

    [Test]
    public void A_subresource_request_names_its_subresource()
    {
        var attributes = new AdmissionAttributes("UPDATE", BuiltinResources.Pods, "status", "team-a", "p", Webhooks.Pod(), Webhooks.Pod(), Webhooks.Alice, false);
        var request = AdmissionReviews.Request(attributes, "u")["request"]!;
        ((string?)request["subResource"]).Should().Be("status");
        request["oldObject"].Should().NotBeNull();
    }

    [Test]
    public void A_response_for_another_uid_is_invalid()
    {
        var act = () => AdmissionReviews.Response(Review(new JsonObject { ["uid"] = "other", ["allowed"] = true }), "mine", mutating: false);
        act.Should().Throw<WebhookCallException>().WithMessage("*expected response.uid=\"mine\", got \"other\"*");
    }

    [Test]
    public void A_response_of_another_kind_is_invalid()
    {
        var act = () => AdmissionReviews.Response(new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Status" }, "u", mutating: false);
        act.Should().Throw<WebhookCallException>();
    }

    [Test]
    public void A_validating_webhook_may_not_patch()
    {
        var response = new JsonObject { ["uid"] = "u", ["allowed"] = true, ["patch"] = "W10=", ["patchType"] = "JSONPatch" };
        var act = () => AdmissionReviews.Response(Review(response), "u", mutating: false);
        act.Should().Throw<WebhookCallException>().WithMessage("*may not return response.patch*");
    }

    [Test]
    public void A_patch_without_a_patch_type_is_invalid()
    {
        var response = new JsonObject { ["uid"] = "u", ["allowed"] = true, ["patch"] = "W10=" };
        var act = () => AdmissionReviews.Response(Review(response), "u", mutating: true);
        act.Should().Throw<WebhookCallException>();
    }

    [Test]
    public void A_missing_allowed_means_denied() =>
        AdmissionReviews.Response(Review(new JsonObject { ["uid"] = "u" }), "u", mutating: false).Allowed.Should().BeFalse();
}
