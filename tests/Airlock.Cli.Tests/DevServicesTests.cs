using Airlock.Cli.Dev;
using Airlock.Stores.Audit.Sqlite;

namespace Airlock.Cli.Tests;

/// <summary>What <c>airlock dev</c>'s gateway flags set reaches the gateway it runs.</summary>
public sealed class DevServicesTests
{
    [Test]
    public void Dev_gateway_redacts_answers_and_survives_process_crashes_by_default()
    {
        var options = DevServices.Create(new DevEnvironmentOptions { StateDir = Temp() }).Gateway.Options;

        (options.Gateway.Guardrails.RedactCompletions, options.AuditDurability).Should().Be((true, SqliteDurability.ProcessCrash));
    }

    [Test]
    public void Dev_gateway_gets_pass_and_power_loss_when_asked()
    {
        var dev = new DevEnvironmentOptions { StateDir = Temp(), RedactCompletions = false, AuditDurability = SqliteDurability.PowerLoss };

        var options = DevServices.Create(dev).Gateway.Options;

        (options.Gateway.Guardrails.RedactCompletions, options.AuditDurability).Should().Be((false, SqliteDurability.PowerLoss));
    }

    [Test]
    public void Dev_operator_gateway_and_egress_proxy_share_one_signal_key()
    {
        var services = DevServices.Create(new DevEnvironmentOptions { StateDir = Temp() });

        new[] { services.Gateway.Options.SignalSeal, services.Egress.Options.SignalSeal, services.Configure(new Operator.Hosting.OperatorSettings()).SignalSeal }
            .Should().AllSatisfy(seal => seal.Should().BeSameAs(services.SignalSeal));
    }

    private static string Temp() => Directory.CreateTempSubdirectory("airlock-devservices-").FullName;
}
