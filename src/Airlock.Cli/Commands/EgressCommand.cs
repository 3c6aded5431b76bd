using System.CommandLine;
using System.Net;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Airlock.Egress.Hosting;
using Airlock.Egress.Matching;
using Airlock.Egress.Resolution;
using Airlock.Gateway.Hosting;
using Airlock.Stores.Audit;
using Airlock.Stores.Audit.Postgres;
using Airlock.Stores.Audit.Sqlite;
using k8s;
using Microsoft.Extensions.Logging;

namespace Airlock.Cli.Commands;

/// <summary>`airlock egress`: runs the egress proxy against a cluster (in-cluster config, or a kubeconfig) until SIGINT/SIGTERM.</summary>
internal static class EgressCommand
{
    public static Command Create()
    {
        var kubeconfig = GatewayEgressFlags.Kubeconfig();
        var listen = GatewayEgressFlags.Listen("0.0.0.0:3128", "the proxy");
        var metricsAddr = GatewayEgressFlags.MetricsAddr("127.0.0.1:9091");
        var resolve = new Option<string[]>("--egress-resolve") { Description = "HOST=IP: resolve HOST to IP instead of asking DNS (repeatable; for tests)." };
        var internalCidrs = new Option<string[]>("--internal-cidr")
        {
            Description = "Pod, Service and node CIDRs names may not resolve into unless a task's cidr entry names them (repeatable). " +
                          "Default: every private and reserved range. Link-local and metadata ranges are refused always.",
        };
        var auditStore = GatewayEgressFlags.AuditStore();
        var stateDir = GatewayEgressFlags.StateDir();
        var durability = GatewayEgressFlags.AuditDurability();
        var retention = GatewayEgressFlags.AuditRetention();
        var logLevel = GatewayEgressFlags.LogLevel();
        var check = GatewayEgressFlags.CheckConfig();
        var signalKey = GatewayEgressFlags.SignalKeyFile();
        var command = new Command("egress", "Run the egress proxy: per-task FQDN allowlist for sandbox pods, audited.");
        foreach (var option in new Option[] { kubeconfig, listen, metricsAddr, resolve, internalCidrs, auditStore, stateDir, durability, retention, signalKey, logLevel, check })
        {
            command.Options.Add(option);
        }
        command.SetAction((parse, cancellationToken) =>
        {
            var errors = new List<string>();
            var endpoint = GatewayEgressFlags.Endpoint("--listen", parse.GetValue(listen), errors);
            var metrics = GatewayEgressFlags.OptionalEndpoint("--metrics-addr", parse.GetValue(metricsAddr), errors);
            IReadOnlyDictionary<string, IReadOnlyList<IPAddress>> overrides = new Dictionary<string, IReadOnlyList<IPAddress>>();
            try
            {
                overrides = ParseResolve(parse.GetValue(resolve) ?? []);
            }
            catch (FormatException e)
            {
                errors.Add("--egress-resolve: " + e.Message);
            }
            var cidrs = InternalCidrs(parse.GetValue(internalCidrs) ?? [], errors);
            var audit = GatewayEgressFlags.Audit(parse.GetValue(auditStore), parse.GetValue(stateDir), errors, Environment.GetEnvironmentVariable);
            var sqliteDurability = GatewayEgressFlags.Durability(parse.GetValue(durability), audit, errors);
            var keep = GatewayEgressFlags.Retention(parse.GetValue(retention), errors);
            var level = GatewayEgressFlags.Level(parse.GetValue(logLevel), errors);
            var ranges = cidrs.Count == 0 ? AddressRanges.DefaultInternal : AddressRanges.Internal(cidrs);
            var summary = GatewayEgressFlags.Summary("egress", endpoint, metrics, audit, keep);
            summary["auditDurability"] = GatewayEgressFlags.DurabilityName(sqliteDurability);
            summary["internalCidrs"] = new JsonArray([.. ranges.Select(r => JsonValue.Create(r.ToString()))]);
            summary["alwaysDeniedCidrs"] = new JsonArray([.. AddressRanges.AlwaysDenied.Select(r => JsonValue.Create(r.ToString()))]);
            summary["signalKeyFile"] = parse.GetValue(signalKey);
            if (GatewayEgressFlags.Report("egress", errors, parse.GetValue(check), summary) is { } exit) return Task.FromResult(exit);
            if (!GatewayEgressFlags.TryReadSignalKey("egress", parse.GetValue(signalKey), out var seal)) return Task.FromResult(ValidateOutput.UsageError);
            var options = new EgressProxyOptions { Listen = endpoint!, MetricsEndpoint = metrics, ResolveOverrides = overrides, InternalRanges = ranges, SignalSeal = seal };
            return RunAsync(parse.GetValue(kubeconfig), options, audit with { Durability = sqliteDurability }, keep, level, cancellationToken);
        });
        return command;
    }

    /// <summary>Parses repeated <c>--egress-resolve HOST=IP</c> values (shared with <c>airlock dev</c>).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<IPAddress>> ParseResolve(IEnumerable<string> values) => DnsHostResolver.ParseOverrides(values);

    private static List<IPNetwork> InternalCidrs(IEnumerable<string> values, List<string> errors)
    {
        var cidrs = new List<IPNetwork>();
        foreach (var value in values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (IPNetwork.TryParse(value, out var network)) cidrs.Add(network);
            else errors.Add($"--internal-cidr \"{value}\" is not a CIDR (e.g. 10.244.0.0/16)");
        }
        return cidrs;
    }

    private static async Task<IAuditStore?> OpenAuditAsync(GatewayEgressAuditStore audit, CancellationToken cancellationToken) => audit.Kind switch
    {
        "sqlite" => SqliteAuditLog.OpenStateDirectory(audit.StateDirectory!, durability: audit.Durability),
        "postgres" => await PostgresAuditLog.OpenAsync(audit.PostgresConnectionString!, cancellationToken: cancellationToken),
        _ => null,
    };

    private static async Task<int> RunAsync(
        string? kubeconfig, EgressProxyOptions options, GatewayEgressAuditStore auditStore, TimeSpan? retention, LogLevel level, CancellationToken cancellationToken)
    {
        KubernetesClientConfiguration config;
        try
        {
            config = GatewayEgressFlags.ClusterConfig(kubeconfig);
        }
        catch (Exception e) when (e is k8s.Exceptions.KubeConfigException or FileNotFoundException or IOException)
        {
            await Console.Error.WriteLineAsync($"egress: no usable cluster configuration: {e.Message}");
            return ValidateOutput.UsageError;
        }
        using var client = new Kubernetes(config);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var loggerFactory = GatewayEgressFlags.Logging(level);
        var audit = await OpenAuditAsync(auditStore, stop.Token);
        await using (audit)
        {
            if (audit is null) await Console.Error.WriteLineAsync("egress: --audit-store=memory: egress attempts are not kept past this process");
            await using var host = await EgressProxyHost.StartAsync(client, options with { AuditLog = audit, LoggerFactory = loggerFactory }, stop.Token);
            Console.WriteLine($"airlock egress: listening on {host.Endpoint}");
            if (host.MetricsAddress is { } metrics) Console.WriteLine($"  metrics at {metrics}metrics");
            await AuditRetentionLoop.RunAsync(host.AuditLog, retention, TimeProvider.System, stop.Token);
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }
}
