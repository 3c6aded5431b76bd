using Airlock.Install.Tests.Support;

namespace Airlock.Install.Tests.Helm;

/// <summary>
/// Values that become one flag each reach the CLI as set: <c>gateway.completionSecrets</c>, <c>stores.audit.sqlite.durability</c>
/// and <c>operator.sandboxStartTimeout</c>, read back from <c>--check-config</c> of the rendered container.
/// </summary>
[TestFixture]
public sealed class ChartSettingValuesTests
{
    [Test]
    public void Gateway_redacts_answers_and_the_audit_log_survives_process_crashes_by_default()
    {
        var summary = Summary([], "gateway");

        ((string?)summary["completionSecrets"], (string?)summary["auditDurability"]).Should().Be(("redact", "process-crash"));
    }

    [Test]
    public void Completion_secrets_pass_reaches_the_gateway()
    {
        ((string?)Summary(["gateway.completionSecrets=pass"], "gateway")["completionSecrets"]).Should().Be("pass");
    }

    [TestCase("gateway")]
    [TestCase("egress")]
    public void Power_loss_durability_reaches_both_sqlite_writers(string component)
    {
        ((string?)Summary(["stores.audit.sqlite.durability=power-loss"], component)["auditDurability"]).Should().Be("power-loss");
    }

    [Test]
    public void Sqlite_durability_is_not_passed_with_the_postgres_store()
    {
        var container = Container(["stores.audit.type=postgres", "stores.audit.postgres.urlSecret.name=s", "stores.audit.sqlite.durability=power-loss"], "gateway");

        container.Args.Should().NotContain(a => a.StartsWith("--audit-durability", StringComparison.Ordinal));
    }

    [Test]
    public void Operator_gets_the_default_sandbox_start_timeout()
    {
        ((string?)Summary([], "operator")["sandboxStartTimeout"]).Should().Be("10m");
    }

    [Test]
    public void Sandbox_start_timeout_reaches_the_operator()
    {
        ((string?)Summary(["operator.sandboxStartTimeout=25m"], "operator")["sandboxStartTimeout"]).Should().Be("25m");
    }

    [TestCase("gateway.completionSecrets=show", "at '/gateway/completionSecrets': value must be one of 'redact', 'pass'")]
    [TestCase("stores.audit.sqlite.durability=fsync", "at '/stores/audit/sqlite/durability': value must be one of 'process-crash', 'power-loss'")]
    [TestCase("operator.sandboxStartTimeout=ten minutes", "at '/operator/sandboxStartTimeout'")]
    [TestCase("operator.sandboxStartTimeout=", "at '/operator/sandboxStartTimeout'")]
    public void Bad_value_is_refused_naming_the_field(string set, string expected)
    {
        var result = Support.Helm.Template(sets: [set]);

        (result.Succeeded, result.Stderr.Contains(expected, StringComparison.Ordinal)).Should().Be((false, true), result.Stderr);
    }

    private static ChartContainer Container(string[] sets, string component) =>
        ChartContainer.Airlock("custom", Support.Helm.Render(sets: sets)).Single(c => c.Owner.Kind == "Deployment" && c.Owner.Name == $"airlock-{component}");

    private static System.Text.Json.Nodes.JsonObject Summary(string[] sets, string component) => AirlockCheck.Summary(AirlockCheck.Run(Container(sets, component)));
}
