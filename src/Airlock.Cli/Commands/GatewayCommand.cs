using System.CommandLine;
using System.Net;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Airlock.Api.Tasks;
using Airlock.Gateway.Auth;
using Airlock.Gateway.Guardrails;
using Airlock.Gateway.Hosting;
using Airlock.Gateway.Providers;
using Airlock.Gateway.Serving;
using Airlock.Guardrails;
using k8s;
using Microsoft.Extensions.Logging;

namespace Airlock.Cli.Commands;

/// <summary>`airlock gateway --provider NAME=URL …`: the model gateway against a cluster, until SIGINT/SIGTERM.</summary>
internal static class GatewayCommand
{
    public static Command Create()
    {
        var kubeconfig = GatewayEgressFlags.Kubeconfig();
        var listen = GatewayEgressFlags.Listen("127.0.0.1:8080", "agents");
        var metricsAddr = GatewayEgressFlags.MetricsAddr("127.0.0.1:9090");
        var audience = new Option<string>("--token-audience")
        {
            Description = "Audience the agents' projected tokens must carry (TokenReview); must match the operator's.",
            DefaultValueFactory = _ => SandboxContract.TokenAudience,
        };
        var providers = new Option<string[]>("--provider") { Description = "NAME=BASE_URL (the URL replacing /v1, e.g. https://api.openai.com/v1); repeatable." };
        var keyFiles = new Option<string[]>("--provider-key-file") { Description = "NAME=PATH of the provider's API key (re-read on change); repeatable." };
        var types = new Option<string[]>("--provider-type") { Description = "NAME=openai|anthropic (default openai); repeatable." };
        var auditStore = GatewayEgressFlags.AuditStore();
        var stateDir = GatewayEgressFlags.StateDir();
        var retention = GatewayEgressFlags.AuditRetention();
        var limitsStore = new Option<string>("--limits-store")
        {
            Description = $"memory (per replica) or redis (shared by every replica; URL from ${GatewayEgressFlags.RedisUrlEnv}).",
            DefaultValueFactory = _ => "memory",
        };
        var injection = new Option<string>("--injection") { Description = "flag or block prompt injection in untrusted content.", DefaultValueFactory = _ => "flag" };
        var completionSecrets = new Option<string>("--completion-secrets")
        {
            Description = "redact (the agent sees [REDACTED:type]) or pass secrets in the model's answers; the audit log is redacted either way.",
            DefaultValueFactory = _ => "redact",
        };
        var durability = GatewayEgressFlags.AuditDurability();
        var logLevel = GatewayEgressFlags.LogLevel();
        var check = GatewayEgressFlags.CheckConfig();
        var signalKey = GatewayEgressFlags.SignalKeyFile();
        var command = new Command("gateway", "Run the model gateway: agents call it with their projected token; it holds the provider keys.");
        foreach (var option in new Option[] { kubeconfig, listen, metricsAddr, audience, providers, keyFiles, types, auditStore, stateDir, durability, retention, limitsStore, injection, completionSecrets, signalKey, logLevel, check })
        {
            command.Options.Add(option);
        }
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (parsed, providerErrors) = ProviderFlags.Parse(parse.GetValue(providers) ?? [], parse.GetValue(keyFiles) ?? [], parse.GetValue(types) ?? []);
            var errors = providerErrors.ToList();
            var endpoint = GatewayEgressFlags.Endpoint("--listen", parse.GetValue(listen), errors);
            var metrics = GatewayEgressFlags.OptionalEndpoint("--metrics-addr", parse.GetValue(metricsAddr), errors);
            var tokenAudience = parse.GetValue(audience);
            if (string.IsNullOrWhiteSpace(tokenAudience)) errors.Add("--token-audience must not be empty");
            if (parse.GetValue(injection) is not ("flag" or "block")) errors.Add($"--injection \"{parse.GetValue(injection)}\" is not flag or block");
            if (parse.GetValue(completionSecrets) is not ("redact" or "pass")) errors.Add($"--completion-secrets \"{parse.GetValue(completionSecrets)}\" is not redact or pass");
            var audit = GatewayEgressFlags.Audit(parse.GetValue(auditStore), parse.GetValue(stateDir), errors, Environment.GetEnvironmentVariable);
            var sqliteDurability = GatewayEgressFlags.Durability(parse.GetValue(durability), audit, errors);
            var keep = GatewayEgressFlags.Retention(parse.GetValue(retention), errors);
            var redis = Limits(parse.GetValue(limitsStore), errors);
            var level = GatewayEgressFlags.Level(parse.GetValue(logLevel), errors);
            var summary = GatewayEgressFlags.Summary("gateway", endpoint, metrics, audit, keep);
            summary["tokenAudience"] = tokenAudience;
            summary["auditDurability"] = GatewayEgressFlags.DurabilityName(sqliteDurability);
            summary["injection"] = parse.GetValue(injection);
            summary["completionSecrets"] = parse.GetValue(completionSecrets);
            summary["limitsStore"] = redis is null ? "memory" : "redis";
            summary["providers"] = new JsonArray([.. parsed.Select(p => JsonValue.Create(p.Name))]);
            summary["signalKeyFile"] = parse.GetValue(signalKey);
            if (GatewayEgressFlags.Report("gateway", errors, parse.GetValue(check), summary) is { } exit) return exit;
            var options = new GatewayComponentOptions
            {
                Gateway = new GatewayOptions
                {
                    Address = endpoint!.Address,
                    Port = endpoint.Port,
                    Providers = parsed,
                    Guardrails = new Gateway.Guardrails.GuardrailOptions
                    {
                        Injection = parse.GetValue(injection) == "block" ? GuardrailAction.Block : GuardrailAction.Flag,
                        RedactCompletions = parse.GetValue(completionSecrets) != "pass",
                    },
                    AuditRetention = keep,
                },
                StateDirectory = audit.Kind == "sqlite" ? audit.StateDirectory : null,
                AuditDurability = sqliteDurability,
                PostgresConnectionString = audit.PostgresConnectionString,
                RedisConfiguration = redis,
                Scanner = GuardrailScanner.Default,
            };
            if (!GatewayEgressFlags.TryReadSignalKey("gateway", parse.GetValue(signalKey), out var seal)) return ValidateOutput.UsageError;
            return await RunAsync(options with { SignalSeal = seal }, metrics, tokenAudience!, parse.GetValue(kubeconfig), level, cancellationToken);
        });
        return command;
    }

    /// <summary>The StackExchange.Redis configuration for <c>--limits-store=redis</c> (from the environment), null for memory.</summary>
    private static string? Limits(string? store, List<string> errors)
    {
        switch (store)
        {
            case "memory":
                return null;
            case "redis":
                var url = Environment.GetEnvironmentVariable(GatewayEgressFlags.RedisUrlEnv);
                if (string.IsNullOrEmpty(url))
                {
                    errors.Add($"--limits-store=redis needs the Redis URL in ${GatewayEgressFlags.RedisUrlEnv}");
                    return "";
                }
                var configuration = GatewayStoreUrls.Redis(url, out var problem);
                if (problem is not null) errors.Add($"${GatewayEgressFlags.RedisUrlEnv}: {problem}");
                return configuration ?? "";
            default:
                errors.Add($"--limits-store \"{store}\" is not memory or redis");
                return null;
        }
    }

    private static async Task<int> RunAsync(
        GatewayComponentOptions options, IPEndPoint? metrics, string audience, string? kubeconfig, LogLevel level, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var loggerFactory = GatewayEgressFlags.Logging(level);
        KubernetesClientConfiguration config;
        try
        {
            config = GatewayEgressFlags.ClusterConfig(kubeconfig);
        }
        catch (Exception e) when (e is k8s.Exceptions.KubeConfigException or FileNotFoundException or IOException)
        {
            await Console.Error.WriteLineAsync($"gateway: no usable cluster configuration: {e.Message}");
            return ValidateOutput.UsageError;
        }
        using var client = new Kubernetes(config);
        await using var audit = await GatewayStores.OpenAuditAsync(options, stop.Token);
        await using var limits = await GatewayStores.OpenLimitsAsync(options);
        var dependencies = new GatewayDependencies
        {
            Client = client,
            Audit = audit,
            Limits = limits,
            Scanner = options.Scanner,
            TokenReviewer = new KubernetesTokenReviewer(client, audience),
            SignalSeal = options.SignalSeal,
            LoggerFactory = loggerFactory,
        };
        await using var server = await GatewayServer.StartAsync(options.Gateway, dependencies, metrics, stop.Token);
        Console.WriteLine($"airlock gateway: serving {server.Address}v1 for {options.Gateway.Providers.Count} provider(s)");
        if (server.MetricsAddress is { } metricsAddress) Console.WriteLine($"  metrics at {metricsAddress}metrics");
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
