using System.Text.Json.Nodes;
using Airlock.ControlPlane.Admission;
using Airlock.ControlPlane.Auth;
using Airlock.ControlPlane.Resources;
using static Airlock.ControlPlane.Tests.Admission.Webhooks;

namespace Airlock.ControlPlane.Tests.Admission;

/// <summary>A dev CA, a real HTTPS webhook server and an in-memory store for webhook admission tests.</summary>
public abstract class WebhookFixture
{
    protected DevCertificateAuthority Ca { get; private set; } = null!;
    protected DevCertificateAuthority OtherCa { get; private set; } = null!;
    protected TestWebhookServer Server { get; private set; } = null!;
    protected InMemoryObjects Store { get; private set; } = null!;
    protected WebhookAdmission Controller { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        Ca = DevCertificateAuthority.Create();
        OtherCa = DevCertificateAuthority.Create("someone-else");
        Server = await TestWebhookServer.StartAsync(Ca);
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        await Server.DisposeAsync();
        Ca.Dispose();
        OtherCa.Dispose();
    }

    [SetUp]
    public void NewStore()
    {
        Store = new InMemoryObjects();
        Controller = new WebhookAdmission(Store);
    }

    protected string Hook(string name) => Server.Url(name + "-" + TestContext.CurrentContext.Test.ID);

    protected string PathOf(string name) => name + "-" + TestContext.CurrentContext.Test.ID;

    protected void Validating(params JsonObject[] hooks) => Store.Put(BuiltinResources.ValidatingWebhookConfigurations, Configuration("validating", hooks));

    protected void Mutating(string configuration, params JsonObject[] hooks) => Store.Put(BuiltinResources.MutatingWebhookConfigurations, Configuration(configuration, hooks));
}
