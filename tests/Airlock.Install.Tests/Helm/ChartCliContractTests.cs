using Airlock.Install.Tests.Support;

namespace Airlock.Install.Tests.Helm;

/// <summary>
/// The chart against the real CLI: every operator, gateway and egress-proxy container the chart renders must start with
/// arguments the built <c>bin/airlock</c> accepts (<c>--check-config</c>), probe the port and paths it serves, and set only
/// environment variables it reads. The operator's webhook side is in <see cref="ChartOperatorContractTests"/>.
/// </summary>
[TestFixture]
public sealed class ChartCliContractTests
{
    /// <summary>Components covered here.</summary>
    private static readonly string[] Checked = ["operator", "gateway", "egress"];

    /// <summary>Every value set that renders the gateway and the egress proxy; "minimal" renders neither.</summary>
    private static readonly object[] ProxyCases =
    [
        .. new[] { "default", "ha", "cert-manager", "operator-certs" }.SelectMany(set => new[] { new object[] { set, "gateway" }, new object[] { set, "egress" } }),
    ];

    /// <summary>The proxies, and the operator in every value set.</summary>
    private static readonly object[] Cases = [.. ProxyCases, .. ValueSets.Names.Select(set => new object[] { set, "operator" })];

    [TestCaseSource(nameof(Cases))]
    public void Cli_accepts_the_arguments_and_environment_the_chart_gives(string valueSet, string component)
    {
        var result = AirlockCheck.Run(Container(valueSet, component));

        result.ExitCode.Should().Be(0, result.ToString());
    }

    [TestCaseSource(nameof(ProxyCases))]
    public void Service_port_is_the_port_the_cli_listens_on(string valueSet, string component)
    {
        var container = Container(valueSet, component);
        var summary = AirlockCheck.Summary(AirlockCheck.Run(container));

        ((int?)summary["listenPort"]).Should().Be(container.ContainerPort(component == "gateway" ? "http" : "proxy"));
    }

    [TestCaseSource(nameof(Cases))]
    public void Probes_ask_the_metrics_port_for_paths_the_cli_serves(string valueSet, string component)
    {
        var container = Container(valueSet, component);
        var summary = AirlockCheck.Summary(AirlockCheck.Run(container));
        var served = summary["metricsPaths"]!.AsArray().Select(p => (string?)p).ToList();
        var probes = container.HttpProbes().ToList();

        probes.Select(p => p.Probe).Should().BeEquivalentTo(["startupProbe", "livenessProbe", "readinessProbe"]);
        foreach (var (probe, path, port) in probes)
        {
            port.Should().Be((int?)summary["metricsPort"], probe);
            served.Should().Contain(path, probe);
        }
        container.ContainerPort("metrics").Should().Be((int?)summary["metricsPort"]);
    }

    [TestCaseSource(nameof(Cases))]
    public void Every_airlock_variable_the_chart_sets_is_one_the_cli_needs(string valueSet, string component)
    {
        var container = Container(valueSet, component);
        var names = container.Env.Select(e => (string)e["name"]!).Where(n => !n.StartsWith("DOTNET_", StringComparison.Ordinal)).ToList();

        Assert.Multiple(() =>
        {
            foreach (var name in names)
            {
                var result = AirlockCheck.Run(container, without: name);
                result.ExitCode.Should().Be(2, $"{name} unset must be refused, or the CLI does not read it\n{result}");
                result.Stderr.Should().Contain(name);
            }
        });
    }

    [TestCaseSource(nameof(Cases))]
    public void Containers_run_the_image_entrypoint_with_the_component_as_first_argument(string valueSet, string component)
    {
        var container = Container(valueSet, component);

        container.Command.Should().BeEmpty("the image's ENTRYPOINT is the airlock binary; args are its whole command line");
        container.Subcommand.Should().Be(component);
    }

    [TestCaseSource(typeof(ValueSets), nameof(ValueSets.Names))]
    public void Every_airlock_container_is_a_component_this_contract_knows(string valueSet)
    {
        var subcommands = ChartContainer.Airlock(valueSet, ValueSets.Render(valueSet)).Select(c => c.Subcommand);

        subcommands.Should().OnlyContain(s => Checked.Contains(s), "a new component needs its own --check-config case here");
    }

    [Test]
    public void Check_config_refuses_an_argument_the_cli_does_not_know()
    {
        var gateway = Container("default", "gateway");
        var drifted = gateway with { Container = (System.Text.Json.Nodes.JsonObject)gateway.Container.DeepClone() };
        drifted.Container["args"]!.AsArray().Add("--namespace=airlock-system");

        AirlockCheck.Run(drifted).ExitCode.Should().NotBe(0);
    }

    [Test]
    public void Check_config_refuses_a_redis_store_without_its_url()
    {
        var gateway = Container("ha", "gateway");

        var result = AirlockCheck.Run(gateway, without: "AIRLOCK_LIMITS_REDIS_URL");

        result.Stderr.Should().Contain("--limits-store=redis needs the Redis URL in $AIRLOCK_LIMITS_REDIS_URL");
    }

    internal static ChartContainer Container(string valueSet, string component) =>
        ChartContainer.Airlock(valueSet, ValueSets.Render(valueSet)).Single(c => c.Owner.Kind == "Deployment" && c.Owner.Name == $"airlock-{component}");
}
