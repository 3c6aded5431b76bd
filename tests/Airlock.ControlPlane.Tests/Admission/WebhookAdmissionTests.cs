using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Resources;
using static Airlock.ControlPlane.Tests.Admission.Webhooks;

namespace Airlock.ControlPlane.Tests.Admission;

public class WebhookAdmissionTests : WebhookFixture
{
    [Test]
    public async Task An_allowing_webhook_lets_the_request_through()
    {
        Server.Handle(PathOf("allow"), r => TestWebhookServer.Respond(r, allowed: true));
        Validating(Webhooks.Hook("allow.example.com", Hook("allow"), Ca.CertificatePem));

        var warnings = await Controller.ValidateAsync(CreatePod(), CancellationToken.None);

        warnings.Should().BeEmpty();
        Server.RequestsTo(PathOf("allow")).Should().ContainSingle();
    }

    [Test]
    public async Task The_webhook_receives_an_admission_review_describing_the_request()
    {
        Server.Handle(PathOf("inspect"), r => TestWebhookServer.Respond(r, allowed: true));
        Validating(Webhooks.Hook("inspect.example.com", Hook("inspect"), Ca.CertificatePem));

        await Controller.ValidateAsync(CreatePod(), CancellationToken.None);

        var request = Server.RequestsTo(PathOf("inspect")).Single();
        ((string?)request["operation"]).Should().Be("CREATE");
        ((string?)request["kind"]!["kind"]).Should().Be("Pod");
        ((string?)request["resource"]!["resource"]).Should().Be("pods");
        ((string?)request["namespace"]).Should().Be("team-a");
        ((string?)request["name"]).Should().Be("agent");
        ((string?)request["userInfo"]!["username"]).Should().Be("alice");
        ((string?)request["userInfo"]!["extra"]!["scopes.example.com"]![0]).Should().Be("read");
        ((string?)request["object"]!["metadata"]!["name"]).Should().Be("agent");
        ((string?)request["uid"]).Should().NotBeNullOrEmpty();
    }

    [Test]
    public async Task A_denial_carries_the_webhook_message_and_code()
    {
        Server.Handle(PathOf("deny"), r => TestWebhookServer.Respond(r, allowed: false,
            status: new JsonObject { ["code"] = 403, ["reason"] = "Forbidden", ["message"] = "images must come from ghcr.io/acme" }));
        Validating(Webhooks.Hook("deny.example.com", Hook("deny"), Ca.CertificatePem));

        var act = () => Controller.ValidateAsync(CreatePod(), CancellationToken.None);

        var error = (await act.Should().ThrowAsync<ApiError>()).Which;
        error.Code.Should().Be(403);
        error.Reason.Should().Be("Forbidden");
        error.Message.Should().Be("admission webhook \"deny.example.com\" denied the request: images must come from ghcr.io/acme");
    }

    [Test]
    public async Task A_mutating_webhook_patch_is_applied_to_the_object()
    {
        Server.Handle(PathOf("label"), r => TestWebhookServer.Respond(r, allowed: true,
            jsonPatch: """[{"op":"add","path":"/metadata/labels","value":{"airlock.dev/mutated":"yes"}}]"""));
        Mutating("mutating", Webhooks.Hook("label.example.com", Hook("label"), Ca.CertificatePem));

        var result = await Controller.MutateAsync(CreatePod(), CancellationToken.None);

        ((string?)result.Object!["metadata"]!["labels"]!["airlock.dev/mutated"]).Should().Be("yes");
    }

    [Test]
    public async Task Mutating_webhooks_run_in_order_each_seeing_the_previous_patch()
    {
        Server.Handle(PathOf("first"), r => TestWebhookServer.Respond(r, allowed: true,
            jsonPatch: """[{"op":"add","path":"/metadata/labels","value":{"step":"1"}}]"""));
        Server.Handle(PathOf("second"), r => TestWebhookServer.Respond(r, allowed: true,
            jsonPatch: """[{"op":"replace","path":"/metadata/labels/step","value":"2"}]"""));
        Mutating("a-config", Webhooks.Hook("first.example.com", Hook("first"), Ca.CertificatePem));
        Mutating("b-config", Webhooks.Hook("second.example.com", Hook("second"), Ca.CertificatePem));

        var result = await Controller.MutateAsync(CreatePod(), CancellationToken.None);

        ((string?)Server.RequestsTo(PathOf("second")).Single()["object"]!["metadata"]!["labels"]!["step"]).Should().Be("1");
        ((string?)result.Object!["metadata"]!["labels"]!["step"]).Should().Be("2");
    }

    [Test]
    public async Task A_request_outside_the_rules_is_not_sent()
    {
        Server.Handle(PathOf("cm"), r => TestWebhookServer.Respond(r, allowed: false));
        Validating(Webhooks.Hook("cm.example.com", Hook("cm"), Ca.CertificatePem, rules: PodRules(resource: "configmaps")));

        await Controller.ValidateAsync(CreatePod(), CancellationToken.None);

        Server.RequestsTo(PathOf("cm")).Should().BeEmpty();
    }

    [Test]
    public async Task A_namespace_whose_labels_do_not_match_is_not_sent()
    {
        Store.Put(BuiltinResources.Namespaces, Namespace("team-a", "airlock.dev/enforce", "false"));
        Server.Handle(PathOf("ns"), r => TestWebhookServer.Respond(r, allowed: false));
        Validating(Webhooks.Hook("ns.example.com", Hook("ns"), Ca.CertificatePem, namespaceSelector: MatchLabels("airlock.dev/enforce", "true")));

        await Controller.ValidateAsync(CreatePod(), CancellationToken.None);

        Server.RequestsTo(PathOf("ns")).Should().BeEmpty();
    }

    [Test]
    public async Task A_namespace_whose_labels_match_is_sent()
    {
        Store.Put(BuiltinResources.Namespaces, Namespace("team-a", "airlock.dev/enforce", "true"));
        Server.Handle(PathOf("ns-yes"), r => TestWebhookServer.Respond(r, allowed: true));
        Validating(Webhooks.Hook("ns.example.com", Hook("ns-yes"), Ca.CertificatePem, namespaceSelector: MatchLabels("airlock.dev/enforce", "true")));

        await Controller.ValidateAsync(CreatePod(), CancellationToken.None);

        Server.RequestsTo(PathOf("ns-yes")).Should().ContainSingle();
    }

    [Test]
    public async Task An_object_whose_labels_do_not_match_is_not_sent()
    {
        Server.Handle(PathOf("obj"), r => TestWebhookServer.Respond(r, allowed: false));
        Validating(Webhooks.Hook("obj.example.com", Hook("obj"), Ca.CertificatePem, objectSelector: MatchLabels("app", "agent")));

        await Controller.ValidateAsync(CreatePod(Pod(labelKey: "app", labelValue: "other")), CancellationToken.None);

        Server.RequestsTo(PathOf("obj")).Should().BeEmpty();
    }

    [Test]
    public async Task Warnings_from_validating_webhooks_are_returned()
    {
        Server.Handle(PathOf("warn"), r => TestWebhookServer.Respond(r, allowed: true, warnings: ["image tag is mutable"]));
        Validating(Webhooks.Hook("warn.example.com", Hook("warn"), Ca.CertificatePem));

        var warnings = await Controller.ValidateAsync(CreatePod(), CancellationToken.None);

        warnings.Should().Equal("image tag is mutable");
    }

    [Test]
    public async Task Warnings_from_mutating_webhooks_are_returned()
    {
        Server.Handle(PathOf("mwarn"), r => TestWebhookServer.Respond(r, allowed: true, warnings: ["defaulted runtimeClassName"]));
        Mutating("mutating", Webhooks.Hook("mwarn.example.com", Hook("mwarn"), Ca.CertificatePem));

        var result = await Controller.MutateAsync(CreatePod(), CancellationToken.None);

        result.Warnings.Should().Equal("defaulted runtimeClassName");
    }

    [Test]
    public async Task A_webhook_asking_for_reinvocation_runs_again_after_a_later_change()
    {
        Server.Handle(PathOf("observer"), r => TestWebhookServer.Respond(r, allowed: true));
        Server.Handle(PathOf("changer"), r => TestWebhookServer.Respond(r, allowed: true,
            jsonPatch: """[{"op":"add","path":"/metadata/labels","value":{"changed":"yes"}}]"""));
        var observer = Webhooks.Hook("observer.example.com", Hook("observer"), Ca.CertificatePem);
        observer["reinvocationPolicy"] = "IfNeeded";
        Mutating("a-config", observer);
        Mutating("b-config", Webhooks.Hook("changer.example.com", Hook("changer"), Ca.CertificatePem));

        await Controller.MutateAsync(CreatePod(), CancellationToken.None);

        var calls = Server.RequestsTo(PathOf("observer"));
        calls.Should().HaveCount(2);
        ((string?)calls[1]["object"]!["metadata"]!["labels"]!["changed"]).Should().Be("yes");
    }
}
