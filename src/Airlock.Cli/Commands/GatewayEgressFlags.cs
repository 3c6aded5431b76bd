using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Airlock.Api.Values;
using Airlock.Stores.Audit.Sqlite;
using Microsoft.Extensions.Logging;

namespace Airlock.Cli.Commands;

/// <summary>
/// Flags the gateway and the egress proxy share (listen and metrics addresses, audit store, log level, the hidden
/// <c>--check-config</c>) and their parsing. Every problem names its flag; the commands exit 2 on any of them.
/// </summary>
internal static class GatewayEgressFlags
{
    /// <summary>PostgreSQL connection string (URL or keyword form) of the audit log; a Secret value, so never an argument.</summary>
    public const string PostgresUrlEnv = "AIRLOCK_AUDIT_POSTGRES_URL";

    /// <summary>Redis URL (<c>redis://</c>, <c>rediss://</c>) or StackExchange.Redis configuration of the shared limits.</summary>
    public const string RedisUrlEnv = "AIRLOCK_LIMITS_REDIS_URL";

    /// <summary>What <see cref="Airlock.Runtime.Health.ManagerEndpoint"/> serves on the metrics address.</summary>
    public static readonly IReadOnlyList<string> MetricsPaths = ["/metrics", "/healthz", "/readyz"];

    public static Option<string?> Kubeconfig() =>
        new("--kubeconfig") { Description = "Kubeconfig of the cluster (default: in-cluster config, else $KUBECONFIG or ~/.kube/config)." };

    public static Option<string> Listen(string defaultValue, string what) =>
        new("--listen") { Description = $"ADDRESS:PORT to serve {what} on (:PORT means every IPv4 address).", DefaultValueFactory = _ => defaultValue };

    public static Option<string> MetricsAddr(string defaultValue) => new("--metrics-addr")
    {
        Description = "ADDRESS:PORT of /metrics, /healthz and /readyz (:PORT means every IPv4 address); empty disables.",
        DefaultValueFactory = _ => defaultValue,
    };

    public static Option<string> AuditStore() => new("--audit-store")
    {
        Description = $"sqlite (audit.db in --state-dir, one replica), postgres (connection string from ${PostgresUrlEnv}, shared) or memory (lost on exit).",
        DefaultValueFactory = _ => "sqlite",
    };

    public static Option<string?> StateDir() => new("--state-dir") { Description = "Directory of the SQLite audit log (audit.db); needed by --audit-store=sqlite." };

    public static Option<string> AuditDurability() => new("--audit-durability")
    {
        Description = "What an acknowledged SQLite audit record survives: process-crash (synchronous=NORMAL) or power-loss (an fsync per commit, slower).",
        DefaultValueFactory = _ => "process-crash",
    };

    public static Option<string?> AuditRetention() =>
        new("--audit-retention") { Description = "Prune audit records older than this Go duration (e.g. 2160h), behind a checkpoint; unset keeps all." };

    public static Option<string> LogLevel() => new("--log-level")
    {
        Description = "Trace, Debug, Information, Warning, Error, Critical or None.",
        DefaultValueFactory = _ => "Information",
    };

    /// <summary>The signal key (the Secret airlock-signal-key's <c>key</c>, mounted as a file) that seals anomaly Events.</summary>
    public static Option<string?> SignalKeyFile() => new("--signal-key-file")
    {
        Description = "File holding the signal key (the Secret airlock-signal-key, made by the operator) that seals anomaly Events; " +
                      "without it no anomaly Event is written and the operator quarantines on none. An unreadable or short key stops the start.",
    };

    /// <summary>The seal under the key in <paramref name="path"/> (null when no file was named); a problem is printed and ends the start.</summary>
    public static bool TryReadSignalKey(string command, string? path, out Runtime.Events.SignalSeal? seal)
    {
        seal = null;
        if (string.IsNullOrEmpty(path)) return true;
        try
        {
            seal = Runtime.Events.SignalSeal.FromFile(path);
            return true;
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"{command}: --signal-key-file: {e.Message}");
            return false;
        }
    }

    /// <summary>Validates the configuration, prints it as JSON and exits (0 valid, 2 not) without touching the cluster or the stores.</summary>
    public static Option<bool> CheckConfig() => new("--check-config") { Hidden = true };

    /// <summary><c>ADDRESS:PORT</c>, <c>[V6]:PORT</c> or <c>:PORT</c> (every IPv4 address).</summary>
    public static IPEndPoint? Endpoint(string flag, string? value, List<string> errors)
    {
        var text = value ?? "";
        if (text.StartsWith(':') && !text.StartsWith("::", StringComparison.Ordinal)) text = "0.0.0.0" + text;
        if (IPEndPoint.TryParse(text, out var endpoint) && text.Contains(':', StringComparison.Ordinal) && endpoint.Port is > 0 and <= 65535) return endpoint;
        errors.Add($"{flag} \"{value}\" is not ADDRESS:PORT or :PORT");
        return null;
    }

    /// <summary>Like <see cref="Endpoint"/>, but empty means "none".</summary>
    public static IPEndPoint? OptionalEndpoint(string flag, string? value, List<string> errors) =>
        string.IsNullOrEmpty(value) ? null : Endpoint(flag, value, errors);

    public static TimeSpan? Retention(string? value, List<string> errors)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (GoDuration.TryParse(value, out var retention) && retention > TimeSpan.Zero) return retention;
        errors.Add($"--audit-retention \"{value}\" is not a positive Go duration (e.g. 720h)");
        return null;
    }

    /// <summary>
    /// The SQLite durability <c>--audit-durability</c> names. <c>power-loss</c> with any other store is refused: memory cannot
    /// honour it and PostgreSQL's durability is the server's <c>synchronous_commit</c>, so accepting it would promise nothing.
    /// </summary>
    public static SqliteDurability Durability(string? value, GatewayEgressAuditStore audit, List<string> errors)
    {
        switch (value)
        {
            case "process-crash":
                return SqliteDurability.ProcessCrash;
            case "power-loss":
                if (audit.Kind != "sqlite") errors.Add($"--audit-durability=power-loss applies to --audit-store=sqlite only (PostgreSQL's is the server's synchronous_commit)");
                return SqliteDurability.PowerLoss;
            default:
                errors.Add($"--audit-durability \"{value}\" is not process-crash or power-loss");
                return SqliteDurability.ProcessCrash;
        }
    }

    /// <summary>The <c>--audit-durability</c> name of <paramref name="durability"/> (the <c>--check-config</c> summary).</summary>
    public static string DurabilityName(SqliteDurability durability) => durability == SqliteDurability.PowerLoss ? "power-loss" : "process-crash";

    public static LogLevel Level(string? value, List<string> errors)
    {
        if (Enum.TryParse<LogLevel>(value, ignoreCase: true, out var level) && Enum.IsDefined(level) && !int.TryParse(value, CultureInfo.InvariantCulture, out _)) return level;
        errors.Add($"--log-level \"{value}\" is not Trace, Debug, Information, Warning, Error, Critical or None");
        return Microsoft.Extensions.Logging.LogLevel.Information;
    }

    /// <summary>The audit store the flags and environment select.</summary>
    public static GatewayEgressAuditStore Audit(string? store, string? stateDir, List<string> errors, Func<string, string?> env)
    {
        switch (store)
        {
            case "sqlite":
                if (string.IsNullOrEmpty(stateDir)) errors.Add("--audit-store=sqlite needs --state-dir (where audit.db lives)");
                return new GatewayEgressAuditStore("sqlite", stateDir, null);
            case "postgres":
                var url = env(PostgresUrlEnv);
                if (string.IsNullOrEmpty(url))
                {
                    errors.Add($"--audit-store=postgres needs the connection string in ${PostgresUrlEnv}");
                    return new GatewayEgressAuditStore("postgres", null, null);
                }
                var connection = GatewayStoreUrls.Postgres(url, out var problem);
                if (problem is not null) errors.Add($"${PostgresUrlEnv}: {problem}");
                return new GatewayEgressAuditStore("postgres", null, connection);
            case "memory":
                return new GatewayEgressAuditStore("memory", null, null);
            default:
                errors.Add($"--audit-store \"{store}\" is not sqlite, postgres or memory");
                return new GatewayEgressAuditStore("memory", null, null);
        }
    }

    /// <summary>Prints the problems (exit 2) or, with <paramref name="check"/>, the effective configuration (exit 0); null: go on and run.</summary>
    public static int? Report(string command, IReadOnlyList<string> errors, bool check, JsonObject summary)
    {
        foreach (var error in errors) Console.Error.WriteLine($"{command}: {error}");
        if (errors.Count > 0) return ValidateOutput.UsageError;
        if (!check) return null;
        Console.WriteLine(summary.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }

    /// <summary>The part of the <c>--check-config</c> summary both commands print: where they listen and what they serve.</summary>
    public static JsonObject Summary(string command, IPEndPoint? listen, IPEndPoint? metrics, GatewayEgressAuditStore audit, TimeSpan? retention) => new()
    {
        ["command"] = command,
        ["listen"] = listen?.ToString(),
        ["listenPort"] = listen?.Port,
        ["metricsAddr"] = metrics?.ToString(),
        ["metricsPort"] = metrics?.Port,
        ["metricsPaths"] = metrics is null ? new JsonArray() : new JsonArray([.. MetricsPaths.Select(p => JsonValue.Create(p))]),
        ["auditStore"] = audit.Kind,
        ["auditRetention"] = retention is { } r ? GoDuration.Format(r) : null,
    };

    public static ILoggerFactory Logging(LogLevel level) => LoggerFactory.Create(b => b.AddSimpleConsole(o =>
    {
        o.SingleLine = true;
        o.TimestampFormat = "HH:mm:ss ";
    }).SetMinimumLevel(level));

    public static k8s.KubernetesClientConfiguration ClusterConfig(string? kubeconfig) =>
        kubeconfig is not null ? Runtime.Configuration.KubeconfigLoader.Load(kubeconfig)
        : k8s.KubernetesClientConfiguration.IsInCluster() ? k8s.KubernetesClientConfiguration.InClusterConfig()
        : Runtime.Configuration.KubeconfigLoader.Load();
}
