using Airlock.Gateway.Tests.Support;
using Airlock.Stores.Audit;

namespace Airlock.Gateway.Tests.EndToEnd;

/// <summary>
/// <c>airlock dev --completion-secrets pass --audit-durability power-loss</c>: agents read secrets in the model's answers as
/// written, the audit log still records them redacted, and the power-loss SQLite log keeps a chain that verifies.
/// </summary>
[NonParallelizable]
public sealed class DevGatewayFlagTests() : DevGatewayFixture("--completion-secrets", "pass", "--audit-durability", "power-loss")
{
    [OneTimeSetUp]
    public void AnswerWithAKey() => Dev.Provider.Completion = $"use {AwsKey} to deploy";

    [Test]
    public async Task A_key_in_the_answer_reaches_the_agent_as_written()
    {
        using var response = await Dev.ChatAsync();
        var content = await ContentAsync(response);

        content.Should().Be($"use {AwsKey} to deploy");
    }

    [Test]
    public async Task The_audit_log_records_the_passed_key_redacted_in_a_chain_that_verifies()
    {
        (await Dev.ChatAsync()).EnsureSuccessStatusCode();

        var (completions, verdict) = await ReadAuditAsync(records => records.Where(r => r.Kind == "model.call")
            .Select(r => (string?)r.Data["completion"]).ToListAsync());

        (completions.Count > 0, completions.All(c => c is not null && !c.Contains(AwsKey, StringComparison.Ordinal)), verdict).Should().Be((true, true, AuditTool.Intact));
    }
}
