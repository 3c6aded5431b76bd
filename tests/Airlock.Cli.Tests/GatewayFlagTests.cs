using System.Text.Json.Nodes;

namespace Airlock.Cli.Tests;

/// <summary>
/// <c>--completion-secrets</c> and <c>--audit-durability</c> of <c>airlock gateway</c> and <c>airlock egress</c>, read through the
/// hidden <c>--check-config</c> (no cluster, no stores): defaults, accepted values, and refusals that name the flag.
/// </summary>
public sealed class GatewayFlagTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Test]
    public async Task Gateway_redacts_answers_and_survives_process_crashes_by_default()
    {
        var summary = await CheckAsync("gateway", "--audit-store=memory");

        ((string?)summary["completionSecrets"], (string?)summary["auditDurability"]).Should().Be(("redact", "process-crash"));
    }

    [Test]
    public async Task Gateway_takes_completion_secrets_pass()
    {
        var summary = await CheckAsync("gateway", "--audit-store=memory", "--completion-secrets=pass");

        ((string?)summary["completionSecrets"]).Should().Be("pass");
    }

    [TestCase("gateway")]
    [TestCase("egress")]
    public async Task Power_loss_durability_is_taken_with_the_sqlite_store(string command)
    {
        var summary = await CheckAsync(command, "--audit-store=sqlite", "--state-dir=/tmp/airlock-unused", "--audit-durability=power-loss");

        ((string?)summary["auditDurability"]).Should().Be("power-loss");
    }

    [TestCase("gateway", "--completion-secrets=show", "--completion-secrets \"show\" is not redact or pass")]
    [TestCase("gateway", "--audit-durability=fsync", "--audit-durability \"fsync\" is not process-crash or power-loss")]
    [TestCase("egress", "--audit-durability=fsync", "--audit-durability \"fsync\" is not process-crash or power-loss")]
    [TestCase("dev", "--completion-secrets=show", "--completion-secrets \"show\" is not redact or pass")]
    [TestCase("dev", "--audit-durability=fsync", "--audit-durability \"fsync\" is not process-crash or power-loss")]
    public async Task A_bad_value_exits_2_naming_the_flag_and_its_values(string command, string flag, string message)
    {
        string[] args = command == "dev" ? ["dev", "--state-dir=/tmp/airlock-unused", flag] : [command, "--audit-store=memory", flag, "--check-config"];

        var (code, _, stderr) = await AirlockCli.RunAsync(Timeout, args);

        (code, stderr.Contains(message, StringComparison.Ordinal)).Should().Be((2, true), stderr);
    }

    [TestCase("gateway")]
    [TestCase("egress")]
    public async Task Power_loss_durability_without_sqlite_is_refused_not_ignored(string command)
    {
        var (code, _, stderr) = await AirlockCli.RunAsync(Timeout, command, "--audit-store=memory", "--audit-durability=power-loss", "--check-config");

        (code, stderr.Contains("--audit-durability=power-loss applies to --audit-store=sqlite only", StringComparison.Ordinal)).Should().Be((2, true), stderr);
    }

    [TestCase("gateway")]
    [TestCase("egress")]
    public async Task Check_config_names_the_signal_key_file_without_reading_it(string command)
    {
        var summary = await CheckAsync(command, "--audit-store=memory", "--signal-key-file=/var/run/airlock/signal-key/key");

        ((string?)summary["signalKeyFile"]).Should().Be("/var/run/airlock/signal-key/key");
    }

    [TestCase("gateway")]
    [TestCase("egress")]
    public async Task An_unreadable_signal_key_stops_the_start(string command)
    {
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "key");

        var (code, _, stderr) = await AirlockCli.RunAsync(Timeout, command, "--audit-store=memory", $"--signal-key-file={missing}");

        (code, stderr.Contains($"--signal-key-file: cannot read the signal key {missing}", StringComparison.Ordinal)).Should().Be((2, true), stderr);
    }

    [TestCase("gateway")]
    [TestCase("egress")]
    public async Task A_short_signal_key_stops_the_start(string command)
    {
        var key = Path.GetTempFileName();
        await File.WriteAllBytesAsync(key, new byte[8]);
        try
        {
            var (code, _, stderr) = await AirlockCli.RunAsync(Timeout, command, "--audit-store=memory", $"--signal-key-file={key}");

            (code, stderr.Contains("holds 8 bytes; it needs at least 32", StringComparison.Ordinal)).Should().Be((2, true), stderr);
        }
        finally
        {
            File.Delete(key);
        }
    }

    private static async Task<JsonObject> CheckAsync(params string[] args)
    {
        var (code, stdout, stderr) = await AirlockCli.RunAsync(Timeout, [.. args, "--check-config"]);
        code.Should().Be(0, stderr);
        return JsonNode.Parse(stdout)!.AsObject();
    }
}
