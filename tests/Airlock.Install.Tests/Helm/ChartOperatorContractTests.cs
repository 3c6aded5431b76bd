using Airlock.Install.Tests.Support;

namespace Airlock.Install.Tests.Helm;

/// <summary>
/// The operator's side of the chart against <c>airlock operator --check-config</c>: the webhook Service reaches the port
/// <c>--webhook-addr</c> opens, the certificate volume is mounted where <c>--webhook-cert-dir</c> reads, and the operator and
/// the gateway agree on the agents' token audience.
/// </summary>
[TestFixture]
public sealed class ChartOperatorContractTests
{
    private static readonly string[] WithWebhooks = ["default", "ha", "cert-manager", "operator-certs"];

    [TestCaseSource(typeof(ValueSets), nameof(ValueSets.Names))]
    public void Operator_runs_with_the_runtime_settings_the_benchmark_measures(string valueSet)
    {
        var env = ChartCliContractTests.Container(valueSet, "operator").Env
            .Where(e => ((string?)e["name"])?.StartsWith("DOTNET_", StringComparison.Ordinal) == true)
            .ToDictionary(e => (string)e["name"]!, e => (string?)e["value"]);

        env.Should().BeEquivalentTo(Airlock.Operator.Hosting.OperatorRuntime.Environment);
    }

    [TestCaseSource(typeof(ValueSets), nameof(ValueSets.Names))]
    public void Operator_serves_webhooks_exactly_when_the_chart_installs_them(string valueSet)
    {
        var summary = Check(valueSet);
        var installed = ValueSets.Render(valueSet).Any(m => m.Kind == "ValidatingWebhookConfiguration" && m.Name == "airlock");

        ((int?)summary["webhookPort"] is not null).Should().Be(installed);
    }

    [TestCaseSource(nameof(WithWebhooks))]
    public void Webhook_service_targets_the_port_the_operator_serves_webhooks_on(string valueSet)
    {
        var container = ChartCliContractTests.Container(valueSet, "operator");
        var service = ValueSets.Render(valueSet).Single(m => m.Kind == "Service" && m.Name == "airlock-webhook");
        var target = service.Root["spec"]!["ports"]!.AsArray().Single()!["targetPort"]!.ToString();

        container.ContainerPort(target).Should().Be((int?)Check(valueSet)["webhookPort"]);
    }

    [TestCaseSource(nameof(WithWebhooks))]
    public void Webhook_configurations_call_paths_the_operator_serves(string valueSet)
    {
        var served = Check(valueSet)["webhookPaths"]!.AsArray().Select(p => (string?)p).ToList();
        var paths = ValueSets.Render(valueSet).Where(m => m.Kind is "MutatingWebhookConfiguration" or "ValidatingWebhookConfiguration")
            .SelectMany(m => m.Root["webhooks"]!.AsArray()).Select(w => (string?)w!["clientConfig"]!["service"]!["path"]).ToList();

        paths.Should().HaveCount(2).And.OnlyContain(p => served.Contains(p));
    }

    [TestCase("default")]
    [TestCase("ha")]
    [TestCase("cert-manager")]
    public void Certificate_secret_is_mounted_where_the_operator_reads_it(string valueSet)
    {
        var container = ChartCliContractTests.Container(valueSet, "operator");
        var summary = Check(valueSet);
        var mount = container.Container["volumeMounts"]!.AsArray().Single(m => (string?)m!["name"] == "webhook-certs")!;
        var volume = ChartPodVolumes(valueSet).Single(v => (string?)v!["name"] == "webhook-certs")!;

        ((string?)mount["mountPath"]).Should().Be((string?)summary["webhookCertDir"]);
        ((string?)volume["secret"]!["secretName"]).Should().Be("airlock-webhook-tls");
    }

    [Test]
    public void Self_provisioning_operator_gets_no_certificate_directory()
    {
        var container = ChartCliContractTests.Container("operator-certs", "operator");
        var summary = Check("operator-certs");

        ((string?)summary["webhookCertificates"]).Should().Be("self-provisioned");
        container.Container["volumeMounts"]!.AsArray().Select(m => (string?)m!["name"]).Should().NotContain("webhook-certs");
        ValueSets.Render("operator-certs").Should().NotContain(m => m.Kind == "Secret" && m.Name == "airlock-webhook-tls");
    }

    [TestCaseSource(typeof(ValueSets), nameof(ValueSets.Names))]
    public void Metrics_service_targets_the_operator_metrics_port(string valueSet)
    {
        var container = ChartCliContractTests.Container(valueSet, "operator");
        var service = ValueSets.Render(valueSet).Single(m => m.Kind == "Service" && m.Name == "airlock-operator");
        var target = service.Root["spec"]!["ports"]!.AsArray().Single()!["targetPort"]!.ToString();

        container.ContainerPort(target).Should().Be((int?)Check(valueSet)["metricsPort"]);
    }

    [TestCaseSource(nameof(WithWebhooks))]
    public void Operator_and_gateway_agree_on_the_token_audience(string valueSet)
    {
        var gateway = AirlockCheck.Summary(AirlockCheck.Run(ChartCliContractTests.Container(valueSet, "gateway")));

        ((string?)Check(valueSet)["tokenAudience"]).Should().Be((string?)gateway["tokenAudience"]).And.NotBeNullOrEmpty();
    }

    [TestCaseSource(typeof(ValueSets), nameof(ValueSets.Names))]
    public void Operator_holds_the_lease_when_it_runs_several_replicas(string valueSet)
    {
        var deployment = ValueSets.Render(valueSet).Single(m => m.Kind == "Deployment" && m.Name == "airlock-operator");
        var replicas = int.Parse(deployment.Root["spec"]!["replicas"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture);

        if (replicas > 1) ((bool?)Check(valueSet)["leaderElect"]).Should().BeTrue();
        else replicas.Should().Be(1);
    }

    [Test]
    public void Check_config_names_the_flag_it_refuses()
    {
        var operatorContainer = ChartCliContractTests.Container("default", "operator");
        var drifted = operatorContainer with { Container = (System.Text.Json.Nodes.JsonObject)operatorContainer.Container.DeepClone() };
        var args = drifted.Container["args"]!.AsArray();
        var index = args.Select(a => (string?)a).ToList().FindIndex(a => a!.StartsWith("--webhook-addr=", StringComparison.Ordinal));
        args[index] = "--webhook-addr=nowhere";

        var result = AirlockCheck.Run(drifted);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("--webhook-addr");
    }

    private static System.Text.Json.Nodes.JsonObject Check(string valueSet) =>
        AirlockCheck.Summary(AirlockCheck.Run(ChartCliContractTests.Container(valueSet, "operator")));

    private static System.Text.Json.Nodes.JsonArray ChartPodVolumes(string valueSet) =>
        ValueSets.Render(valueSet).Single(m => m.Kind == "Deployment" && m.Name == "airlock-operator").Root["spec"]!["template"]!["spec"]!["volumes"]!.AsArray();
}
