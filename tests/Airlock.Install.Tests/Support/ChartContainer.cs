using System.Globalization;
using System.Text.Json.Nodes;

namespace Airlock.Install.Tests.Support;

/// <summary>One rendered container of an Airlock image: its arguments, environment, ports and probes as the kubelet would see them.</summary>
public sealed record ChartContainer(string ValueSet, Manifest Owner, JsonObject Container)
{
    /// <summary>The chart's image repository: every container running it is an <c>airlock</c> entrypoint.</summary>
    public const string ImageRepository = "ghcr.io/airlock-dev/airlock";

    public string Name => (string?)Container["name"] ?? "";

    /// <summary>The subcommand (<c>operator</c>, <c>gateway</c>, <c>egress</c>): the first argument after the image's entrypoint.</summary>
    public string Subcommand => Args.Count > 0 ? Args[0] : "";

    public IReadOnlyList<string> Command => Strings(Container["command"]);

    public IReadOnlyList<string> Args => Strings(Container["args"]);

    public IEnumerable<JsonObject> Env => Container["env"] is JsonArray env ? env.OfType<JsonObject>() : [];

    public int ContainerPort(string name)
    {
        var port = Container["ports"]!.AsArray().OfType<JsonObject>().SingleOrDefault(p => (string?)p["name"] == name)
            ?? throw new InvalidOperationException($"{this} has no port named {name}");
        return Number(port["containerPort"]);
    }

    /// <summary>Each probe's HTTP path and port (a name resolved to its number).</summary>
    public IEnumerable<(string Probe, string Path, int Port)> HttpProbes()
    {
        foreach (var probe in new[] { "startupProbe", "livenessProbe", "readinessProbe" })
        {
            if (Container[probe]?["httpGet"] is not JsonObject get) continue;
            var port = get["port"]!.ToString();
            yield return (probe, (string?)get["path"] ?? "", int.TryParse(port, CultureInfo.InvariantCulture, out var number) ? number : ContainerPort(port));
        }
    }

    public override string ToString() => $"{ValueSet}: {Owner}/{Name}";

    public static IEnumerable<ChartContainer> Airlock(string valueSet, IEnumerable<Manifest> manifests) =>
        PodTemplates.Containers(manifests)
            .Where(c => ((string?)c.Container["image"] ?? "").StartsWith(ImageRepository, StringComparison.Ordinal))
            .Select(c => new ChartContainer(valueSet, c.Owner, c.Container));

    // The YAML reader keeps scalars as strings.
    private static int Number(JsonNode? node) => int.Parse(node!.ToString(), CultureInfo.InvariantCulture);

    private static List<string> Strings(JsonNode? node) => node is JsonArray list ? [.. list.Select(a => a!.ToString())] : [];
}
