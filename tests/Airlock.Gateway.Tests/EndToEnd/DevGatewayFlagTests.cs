using System.Text.Json.Nodes;
using Airlock.Gateway.Tests.Support;
using Airlock.Stores.Audit;

namespace Airlock.Gateway.Tests.EndToEnd;

/// <summary>
/// <c>airlock dev --completion-secrets pass --audit-durability power-loss</c>: agents read secrets in the model's answers as
/// written, the audit log still records them redacted, and the power-loss SQLite log keeps a chain that verifies.
/// </summary>
[NonParallelizable]
public sealed class DevGatewayFlagTests
{
    private const string AwsKey = "AKIAZ7QF3KXMPLE4T2VB";

    private DevGatewayProcess _dev = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _dev = await DevGatewayProcess.StartAsync("--completion-secrets", "pass", "--audit-durability", "power-loss");
        _dev.Provider.Completion = $"use {AwsKey} to deploy";
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_dev is not null) await _dev.DisposeAsync();
    }

    [Test]
    public async Task A_key_in_the_answer_reaches_the_agent_as_written()
    {
        using var response = await _dev.ChatAsync();
        var content = (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["choices"]![0]!["message"]!["content"];

        content.Should().Be($"use {AwsKey} to deploy");
    }

    [Test]
    public async Task The_audit_log_records_the_passed_key_redacted_in_a_chain_that_verifies()
    {
        (await _dev.ChatAsync()).EnsureSuccessStatusCode();

        var (store, error) = await AuditTool.OpenAsync(_dev.StateDirectory, null, CancellationToken.None);
        store.Should().NotBeNull(error);
        await using (store)
        {
            var completions = await store!.ReadAsync(0, CancellationToken.None).Where(r => r.Kind == "model.call")
                .Select(r => (string?)r.Data["completion"]).ToListAsync();
            var verdict = await AuditTool.VerifyAsync(store, TextWriter.Null, CancellationToken.None);

            (completions.Count > 0, completions.All(c => c is not null && !c.Contains(AwsKey, StringComparison.Ordinal)), verdict).Should().Be((true, true, AuditTool.Intact));
        }
    }
}
