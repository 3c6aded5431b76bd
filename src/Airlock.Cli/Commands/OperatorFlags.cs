using System.Net;
using System.Text.Json.Nodes;
using Airlock.Operator.Hosting;
using Airlock.Operator.Webhooks;

namespace Airlock.Cli.Commands;

/// <summary>
/// Parsing and checking of the <c>airlock operator</c> flags into <see cref="OperatorSettings"/>. Every problem names its
/// flag; <c>--check-config</c> prints the <see cref="Summary"/> of what the operator would serve and use.
/// </summary>
internal static class OperatorFlags
{
    /// <summary>What the operator's metrics address serves (<see cref="Airlock.Runtime.Health.ManagerEndpoint"/>).</summary>
    public static readonly IReadOnlyList<string> MetricsPaths = GatewayEgressFlags.MetricsPaths;

    /// <summary>Files the operator reads from <c>--webhook-cert-dir</c> (<see cref="Airlock.Operator.Webhooks.Certificates.DirectoryCertificateSource"/>).</summary>
    public static readonly IReadOnlyList<string> CertFiles = ["tls.crt", "tls.key"];

    /// <summary><c>host:port</c>, <c>:port</c> or a bare port (<see cref="HostPort"/>); empty means "off".</summary>
    public static IPEndPoint? OptionalAddress(string flag, string? value, List<string> errors)
    {
        if (string.IsNullOrEmpty(value)) return null;
        try
        {
            return HostPort.Parse(value);
        }
        catch (FormatException)
        {
            errors.Add($"{flag} \"{value}\" is not host:port, :port or a port");
            return null;
        }
    }

    /// <summary>An absolute http(s) URL, or null when unset.</summary>
    public static string? Url(string flag, string? value, List<string> errors)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0) return value;
        errors.Add($"{flag} \"{value}\" is not an absolute http:// or https:// URL");
        return null;
    }

    /// <summary>A positive Go duration (<c>90s</c>, <c>10m</c>), or null when it is not one.</summary>
    public static TimeSpan? Duration(string flag, string? value, List<string> errors)
    {
        if (Api.Values.GoDuration.TryParse(value, out var duration) && duration > TimeSpan.Zero) return duration;
        errors.Add($"{flag} \"{value}\" is not a positive Go duration (e.g. 90s, 10m)");
        return null;
    }

    public static void Namespace(string? value, List<string> errors)
    {
        if (value is { Length: > 0 and <= 63 } && value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') && value[0] != '-' && value[^1] != '-') return;
        errors.Add($"--namespace \"{value}\" is not a namespace name (lowercase DNS label)");
    }

    /// <summary>A DNS domain (dot-separated lowercase labels, a trailing dot allowed); the default when invalid, with the error noted.</summary>
    public static string ClusterDomain(string? value, List<string> errors)
    {
        var domain = (value ?? "").TrimEnd('.');
        var labels = domain.Split('.');
        if (domain.Length is > 0 and <= 253 && labels.All(l => l.Length is > 0 and <= 63 && l[0] != '-' && l[^1] != '-' && l.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')))
            return domain;
        errors.Add($"--cluster-domain \"{value}\" is not a DNS domain (lowercase labels separated by dots)");
        return "cluster.local";
    }

    public static void Audience(string? value, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim() != value) errors.Add($"--token-audience \"{value}\" must be a non-empty audience without surrounding spaces");
    }

    /// <summary>The effective configuration, as <c>--check-config</c> prints it.</summary>
    public static JsonObject Summary(OperatorSettings settings, IPEndPoint? metrics, IPEndPoint? webhook, string logLevel) => new()
    {
        ["command"] = "operator",
        ["namespace"] = settings.SystemNamespace,
        ["metricsAddr"] = metrics?.ToString(),
        ["metricsPort"] = metrics?.Port,
        ["metricsPaths"] = metrics is null ? new JsonArray() : new JsonArray([.. MetricsPaths.Select(p => JsonValue.Create(p))]),
        ["leaderElect"] = settings.LeaderElection,
        ["leaseName"] = settings.LeaderElection ? settings.LeaseName : null,
        ["installCrds"] = settings.InstallCrds,
        ["webhookAddr"] = webhook?.ToString(),
        ["webhookPort"] = webhook?.Port,
        ["webhookPaths"] = webhook is null ? new JsonArray() : new JsonArray(JsonValue.Create(WebhookPaths.Mutate), JsonValue.Create(WebhookPaths.Validate)),
        ["webhookCertDir"] = webhook is null ? null : settings.WebhookCertDir,
        ["webhookCertFiles"] = webhook is null || settings.WebhookCertDir is null ? new JsonArray() : new JsonArray([.. CertFiles.Select(f => JsonValue.Create(f))]),
        ["webhookCertificates"] = webhook is null ? null : settings.WebhookCertDir is null ? "self-provisioned" : "directory",
        ["gatewayUrl"] = settings.Sandbox.GatewayUrl,
        ["egressProxyUrl"] = settings.Sandbox.EgressProxyUrl,
        ["tokenAudience"] = settings.Sandbox.TokenAudience,
        ["sandboxStartTimeout"] = Api.Values.GoDuration.Format(settings.SandboxStartTimeout),
        ["ciliumPolicies"] = settings.Cilium is not null,
        ["clusterDomain"] = settings.Cilium?.ClusterDomain,
        ["logLevel"] = logLevel,
    };
}
