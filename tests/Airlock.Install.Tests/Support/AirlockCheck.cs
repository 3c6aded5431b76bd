using System.Text.Json.Nodes;
using Airlock.Testing;

namespace Airlock.Install.Tests.Support;

/// <summary>
/// Runs the built CLI (<see cref="TestPaths.AirlockBinary"/>) as a rendered container would: its arguments plus the hidden
/// <c>--check-config</c>, with the environment the pod would have (Secret values replaced by placeholders of the right shape).
/// </summary>
public static class AirlockCheck
{
    /// <summary>Secret-backed values the chart's environment names, in the form a real Secret would hold.</summary>
    private static readonly Dictionary<string, string> SecretPlaceholders = new(StringComparer.Ordinal)
    {
        ["AIRLOCK_AUDIT_POSTGRES_URL"] = "postgres://airlock:s3cret@postgres.db.svc:5432/airlock?sslmode=require",
        ["AIRLOCK_LIMITS_REDIS_URL"] = "rediss://:s3cret@redis.db.svc:6380/0",
    };

    public static string Binary
    {
        get
        {
            var path = TestPaths.AirlockBinary;
            if (!File.Exists(path)) Assert.Fail($"{path} not found: run `make build` (or set AIRLOCK_BIN)");
            return path;
        }
    }

    /// <summary>The container's configuration checked by the CLI; <paramref name="without"/> drops one variable of its environment.</summary>
    public static ToolResult Run(ChartContainer container, string? without = null)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        // Nothing from the test runner's own environment may stand in for what the chart forgot to set.
        foreach (var name in System.Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(n => n.StartsWith("AIRLOCK_", StringComparison.Ordinal)))
        {
            environment[name] = null;
        }
        foreach (var env in container.Env)
        {
            var name = (string)env["name"]!;
            if (name == without) continue;
            environment[name] = (string?)env["value"] ?? SecretPlaceholders.GetValueOrDefault(name, "placeholder");
        }
        return Tool.Run(Binary, [.. container.Args, "--check-config"], environment: environment);
    }

    /// <summary>The effective configuration <c>--check-config</c> printed.</summary>
    public static JsonObject Summary(ToolResult result) => JsonNode.Parse(result.EnsureSuccess().Stdout)!.AsObject();

    public static ToolResult Help(string subcommand) => Tool.Run(Binary, [subcommand, "--help"]);
}
