using System.Net;
using System.Text;
using Airlock.ControlPlane.Auth;
using Airlock.ControlPlane.Server;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Airlock.ControlPlane.Tests.Admission;

/// <summary>Webhook admission inside the local API server, configured and exercised through KubernetesClient.</summary>
[NonParallelizable]
public class WebhookAdmissionEndToEndTests
{
    private LocalControlPlane _plane = null!;
    private Kubernetes _client = null!;
    private DevCertificateAuthority _webhookCa = null!;
    private TestWebhookServer _webhooks = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _plane = await LocalControlPlane.StartAsync(new LocalControlPlaneOptions { EnableKubelet = false });
        _client = _plane.CreateClient();
        _webhookCa = DevCertificateAuthority.Create("webhook-ca");
        _webhooks = await TestWebhookServer.StartAsync(_webhookCa);
        _webhooks.Handle("deny", r => TestWebhookServer.Respond(r, allowed: (string?)r["request"]!["name"] != "forbidden",
            status: new() { ["code"] = 403, ["reason"] = "Forbidden", ["message"] = "this name is not allowed" }));
        _webhooks.Handle("label", r => TestWebhookServer.Respond(r, allowed: true,
            jsonPatch: """[{"op":"add","path":"/metadata/labels","value":{"airlock.dev/admitted":"true"}}]"""));
        var caBundle = Encoding.UTF8.GetBytes(_webhookCa.CertificatePem);
        var rules = new List<V1RuleWithOperations>
        {
            new() { Operations = ["CREATE"], ApiGroups = [""], ApiVersions = ["v1"], Resources = ["configmaps"] },
        };
        await _client.AdmissionregistrationV1.CreateValidatingWebhookConfigurationAsync(new V1ValidatingWebhookConfiguration
        {
            Metadata = new V1ObjectMeta { Name = "deny-names" },
            Webhooks = [new V1ValidatingWebhook
            {
                Name = "deny.example.com", SideEffects = "None", AdmissionReviewVersions = ["v1"], Rules = rules,
                ClientConfig = new Admissionregistrationv1WebhookClientConfig { Url = _webhooks.Url("deny"), CaBundle = caBundle },
            }],
        });
        await _client.AdmissionregistrationV1.CreateMutatingWebhookConfigurationAsync(new V1MutatingWebhookConfiguration
        {
            Metadata = new V1ObjectMeta { Name = "add-label" },
            Webhooks = [new V1MutatingWebhook
            {
                Name = "label.example.com", SideEffects = "None", AdmissionReviewVersions = ["v1"], Rules = rules,
                ClientConfig = new Admissionregistrationv1WebhookClientConfig { Url = _webhooks.Url("label"), CaBundle = caBundle },
            }],
        });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _client.Dispose();
        await _plane.DisposeAsync();
        await _webhooks.DisposeAsync();
        _webhookCa.Dispose();
    }

    private Task<V1ConfigMap> CreateConfigMapAsync(string name) =>
        _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name } }, "default");

    [Test]
    public async Task A_denied_create_reaches_the_client_as_the_webhook_refusal()
    {
        var act = () => CreateConfigMapAsync("forbidden");

        var error = (await act.Should().ThrowAsync<HttpOperationException>()).Which;
        error.Response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var status = System.Text.Json.Nodes.JsonNode.Parse(error.Response.Content)!;
        ((string?)status["message"]).Should().Be("admission webhook \"deny.example.com\" denied the request: this name is not allowed");
    }

    [Test]
    public async Task A_mutating_webhook_patch_is_stored()
    {
        var created = await CreateConfigMapAsync("allowed");

        created.Metadata.Labels.Should().Contain("airlock.dev/admitted", "true");
    }
}
