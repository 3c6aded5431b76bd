using Airlock.Install.Tests.Support;

namespace Airlock.Install.Tests.Helm;

/// <summary>values.schema.json refuses what the chart would otherwise render wrongly or ignore.</summary>
[TestFixture]
public sealed class ValuesSchemaTests
{
    [TestCase("operator.replicas=two", "/operator/replicas")]
    [TestCase("gateway.bogus=1", "additional properties 'bogus' not allowed")]
    [TestCase("typo=1", "additional properties 'typo' not allowed")]
    [TestCase("stores.audit.type=mysql", "/stores/audit/type")]
    [TestCase("operator.webhook.certificate.source=manual", "/operator/webhook/certificate/source")]
    [TestCase("image.digest=sha256:short", "/image/digest")]
    [TestCase("egress.port=70000", "/egress/port")]
    [TestCase("operator.resources.limits=null", "/operator/resources")]
    public void Bad_value_is_rejected_with_its_path(string set, string expected)
    {
        var result = Support.Helm.Template(sets: [set]);

        result.Succeeded.Should().BeFalse();
        result.Stderr.Should().Contain("values don't meet the specifications of the schema").And.Contain(expected);
    }

    [Test]
    public void Provider_key_cannot_be_given_as_a_value()
    {
        var result = Support.Helm.Template(sets: ["gateway.providers[0].name=openai", "gateway.providers[0].baseUrl=https://api.openai.com/v1",
            "gateway.providers[0].keySecret.name=k", "gateway.providers[0].keySecret.key=api-key", "gateway.providers[0].apiKey=sk-123"]);

        result.Succeeded.Should().BeFalse();
        result.Stderr.Should().Contain("additional properties 'apiKey' not allowed");
    }

    [TestCase("gateway")]
    [TestCase("egress")]
    public void Several_replicas_on_sqlite_are_refused(string component)
    {
        var result = Support.Helm.Template(sets: [$"{component}.replicas=2", "stores.limits.type=redis", "stores.limits.redis.urlSecret.name=s"]);

        result.Succeeded.Should().BeFalse();
        result.Stderr.Should().Contain("stores.audit.type=postgres");
    }

    [Test]
    public void Several_gateway_replicas_on_memory_limits_are_refused()
    {
        var result = Support.Helm.Template(sets: ["gateway.replicas=2", "stores.audit.type=postgres", "stores.audit.postgres.urlSecret.name=s"]);

        result.Succeeded.Should().BeFalse();
        result.Stderr.Should().Contain("stores.limits.type=redis");
    }

    [Test]
    public void Postgres_without_its_secret_is_refused()
    {
        var result = Support.Helm.Template(sets: ["stores.audit.type=postgres"]);

        result.Succeeded.Should().BeFalse();
        result.Stderr.Should().Contain("stores.audit.postgres.urlSecret.name is required");
    }
}
