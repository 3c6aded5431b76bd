using System.CommandLine;
using System.Net;
using System.Runtime.InteropServices;
using Airlock.Gateway.Guardrails;
using Airlock.Gateway.Hosting;
using Airlock.Gateway.Providers;
using Airlock.Gateway.Serving;
using Airlock.Guardrails;
using k8s;

namespace Airlock.Cli.Commands;

/// <summary>`airlock gateway --kubeconfig PATH --provider NAME=URL …`: the model gateway against a cluster, until SIGINT/SIGTERM.</summary>
internal static class GatewayCommand
{
    public static Command Create()
    {
        var kubeconfig = new Option<string?>("--kubeconfig") { Description = "Kubeconfig of the cluster (default: in-cluster, then ~/.kube/config)." };
        var listen = new Option<string>("--listen") { Description = "ADDRESS:PORT to serve agents on.", DefaultValueFactory = _ => "127.0.0.1:8080" };
        var metricsPort = new Option<int?>("--metrics-port") { Description = "Port of /metrics, /healthz, /readyz (same address)." };
        var providers = new Option<string[]>("--provider") { Description = "NAME=BASE_URL (the URL replacing /v1, e.g. https://api.openai.com/v1); repeatable." };
        var keyFiles = new Option<string[]>("--provider-key-file") { Description = "NAME=PATH of the provider's API key (re-read on change); repeatable." };
        var types = new Option<string[]>("--provider-type") { Description = "NAME=openai|anthropic (default openai); repeatable." };
        var stateDir = new Option<string?>("--state-dir") { Description = "Directory of the SQLite audit log (audit.db)." };
        var postgres = new Option<string?>("--audit-postgres") { Description = "PostgreSQL connection string for a shared audit log (several replicas)." };
        var redis = new Option<string?>("--redis") { Description = "Redis (host:port) for shared rate and budget counters (several replicas)." };
        var retentionDays = new Option<int?>("--audit-retention-days") { Description = "Prune audit records older than this many days (behind a checkpoint)." };
        var injection = new Option<string>("--injection") { Description = "flag or block prompt injection in untrusted content.", DefaultValueFactory = _ => "flag" };
        var command = new Command("gateway", "Run the model gateway: agents call it with their projected token; it holds the provider keys.")
        {
            kubeconfig, listen, metricsPort, providers, keyFiles, types, stateDir, postgres, redis, retentionDays, injection,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (parsed, errors) = ProviderFlags.Parse(parse.GetValue(providers) ?? [], parse.GetValue(keyFiles) ?? [], parse.GetValue(types) ?? []);
            if (!IPEndPoint.TryParse(parse.GetValue(listen)!, out var endpoint)) errors = [.. errors, $"--listen \"{parse.GetValue(listen)}\" is not ADDRESS:PORT"];
            if (parse.GetValue(injection) is not ("flag" or "block")) errors = [.. errors, "--injection must be flag or block"];
            foreach (var error in errors) await Console.Error.WriteLineAsync($"gateway: {error}");
            if (errors.Count > 0) return 2;
            var options = new GatewayComponentOptions
            {
                Gateway = new GatewayOptions
                {
                    Address = endpoint!.Address,
                    Port = endpoint.Port,
                    MetricsPort = parse.GetValue(metricsPort),
                    Providers = parsed,
                    Guardrails = new Gateway.Guardrails.GuardrailOptions { Injection = parse.GetValue(injection) == "block" ? GuardrailAction.Block : GuardrailAction.Flag },
                    AuditRetention = parse.GetValue(retentionDays) is { } days ? TimeSpan.FromDays(days) : null,
                },
                StateDirectory = parse.GetValue(stateDir),
                PostgresConnectionString = parse.GetValue(postgres),
                RedisConfiguration = parse.GetValue(redis),
                Scanner = GuardrailScanner.Default,
            };
            return await RunAsync(options, parse.GetValue(kubeconfig), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(GatewayComponentOptions options, string? kubeconfig, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        var config = kubeconfig is not null
            ? KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig)
            : KubernetesClientConfiguration.IsInCluster() ? KubernetesClientConfiguration.InClusterConfig() : KubernetesClientConfiguration.BuildConfigFromConfigFile();
        using var client = new Kubernetes(config);
        await using var audit = await GatewayStores.OpenAuditAsync(options, stop.Token);
        await using var limits = await GatewayStores.OpenLimitsAsync(options);
        await using var server = await GatewayServer.StartAsync(options.Gateway,
            new GatewayDependencies { Client = client, Audit = audit, Limits = limits, Scanner = options.Scanner }, stop.Token);
        Console.WriteLine($"airlock gateway: serving {server.Address}v1 for {options.Gateway.Providers.Count} provider(s)");
        if (server.MetricsAddress is { } metrics) Console.WriteLine($"  metrics at {metrics}metrics");
        await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Console.WriteLine("airlock gateway: stopping");
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }
}
