using System.Text;
using Airlock.ControlPlane.Resources;
using Airlock.ControlPlane.Schema;
using Airlock.ControlPlane.Schema.OpenApi;
using Airlock.ControlPlane.Tests.Schema;

namespace Airlock.ControlPlane.Tests.OpenApi;

public class OpenApiV2PublisherTests
{
    private readonly OpenApiV2Publisher _publisher = new(new SchemaService());

    [Test]
    public void Unchanged_kinds_get_the_same_document_and_etag()
    {
        var first = _publisher.Get(BuiltinResources.All);

        _publisher.Get(BuiltinResources.All).Should().BeSameAs(first);
    }

    [Test]
    public void A_newly_served_custom_kind_gets_a_new_document_that_defines_it()
    {
        var before = _publisher.Get(BuiltinResources.All);

        var after = _publisher.Get([.. BuiltinResources.All, SampleCrd.AgentTasks()]);

        after.Json.ETag.Should().NotBe(before.Json.ETag);
        Encoding.UTF8.GetString(after.Json.Body).Should().Contain("\"dev.airlock.agents.v1alpha1.AgentTask\":");
    }
}
