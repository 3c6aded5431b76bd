using System.Text.Json.Nodes;
using Airlock.Install.Tests.Support;
using Airlock.Runtime.Events;

namespace Airlock.Install.Tests.Helm;

/// <summary>
/// The gateway and the egress proxy get the signal key the operator makes (the Secret airlock-signal-key): mounted read-only
/// from that Secret at the path their <c>--signal-key-file</c> names, as the built CLI reads the flag.
/// </summary>
[TestFixture]
public sealed class ChartSignalKeyTests
{
    private static readonly object[] ProxyCases =
    [
        .. new[] { "default", "ha", "cert-manager", "operator-certs" }.SelectMany(set => new[] { new object[] { set, "gateway" }, new object[] { set, "egress" } }),
    ];

    [TestCaseSource(nameof(ProxyCases))]
    public void Proxy_is_given_a_signal_key_file(string valueSet, string component)
    {
        var summary = AirlockCheck.Summary(AirlockCheck.Run(ChartCliContractTests.Container(valueSet, component)));

        ((string?)summary["signalKeyFile"]).Should().Be("/var/run/airlock/signal-key/key");
    }

    [TestCaseSource(nameof(ProxyCases))]
    public void Signal_key_file_is_the_key_of_the_operators_secret_mounted_read_only(string valueSet, string component)
    {
        var container = ChartCliContractTests.Container(valueSet, component);
        var file = container.Args.Single(a => a.StartsWith("--signal-key-file=", StringComparison.Ordinal))["--signal-key-file=".Length..];
        var mount = container.Container["volumeMounts"]!.AsArray().OfType<JsonObject>().Single(m => file.StartsWith((string)m["mountPath"]! + "/", StringComparison.Ordinal));
        var volume = container.Owner.At("spec.template.spec.volumes")!.AsArray().OfType<JsonObject>().Single(v => (string?)v["name"] == (string?)mount["name"]);

        mount["readOnly"]?.ToString().Should().Be("true");
        ((string?)volume["secret"]?["secretName"]).Should().Be(SignalSeal.SecretName);
        volume["secret"]!["items"]!.AsArray().Select(i => ((string?)i!["key"], (string?)i["path"])).Should().Equal([("key", Path.GetFileName(file))]);
    }
}
