using Airlock.ControlPlane.Resources;

namespace Airlock.ControlPlane.Tests.Schema;

/// <summary>The real kubectl reads the OpenAPI v3 documents: explain shows descriptions, apply validates server-side.</summary>
[NonParallelizable]
public class KubectlOpenApiTests
{
    private DiscoveryStub _server = null!;
    private KubectlRunner _kubectl = null!;

    [SetUp]
    public void Start()
    {
        if (!KubectlRunner.IsAvailable())
        {
            Assert.Ignore("kubectl is not on the PATH");
        }
        _server = new DiscoveryStub([.. BuiltinResources.All, SampleCrd.AgentTasks()]);
        _kubectl = new KubectlRunner(_server.Url);
    }

    [TearDown]
    public void Stop()
    {
        _kubectl?.Dispose();
        _server?.Dispose();
    }

    [Test]
    public void Explain_shows_the_description_of_a_builtin_field()
    {
        var (exitCode, output) = _kubectl.Run("explain", "configmap.data");

        output.Should().Contain("Data contains the configuration data");
        exitCode.Should().Be(0);
    }

    [Test]
    public void Explain_shows_the_description_of_a_custom_resource_field()
    {
        var (exitCode, output) = _kubectl.Run("explain", "agenttask.spec.image");

        output.Should().Contain("Container image of the agent.");
        exitCode.Should().Be(0);
    }

    [Test]
    public void Apply_of_a_builtin_kind_leaves_strict_validation_to_the_server()
    {
        var file = _kubectl.WriteFile("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: demo}\ndata: {a: b}\n");

        var (exitCode, output) = _kubectl.Run("apply", "-f", file);

        _server.Requests.Should().Contain(r => r.StartsWith("POST /api/v1/namespaces/default/configmaps?") && r.Contains("fieldValidation=Strict"), output);
        exitCode.Should().Be(0);
    }

    [Test]
    public void Apply_of_a_custom_resource_leaves_strict_validation_to_the_server()
    {
        var file = _kubectl.WriteFile("at.yaml",
            "apiVersion: agents.airlock.dev/v1alpha1\nkind: AgentTask\nmetadata: {name: demo}\nspec: {image: x, prompt: y}\n");

        var (exitCode, output) = _kubectl.Run("apply", "-f", file);

        _server.Requests.Should().Contain(r => r.StartsWith("POST /apis/agents.airlock.dev/v1alpha1/namespaces/default/agenttasks?")
            && r.Contains("fieldValidation=Strict"), output);
        exitCode.Should().Be(0);
    }
}
