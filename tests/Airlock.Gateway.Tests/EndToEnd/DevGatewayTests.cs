using Airlock.Gateway.Tests.Support;
using Airlock.Stores.Audit;

namespace Airlock.Gateway.Tests.EndToEnd;

/// <summary>
/// The gateway as <c>airlock dev</c> runs it (a separate process: the operator makes the agent's pod, the gateway holds the
/// key from <c>--provider-key-file</c>, the audit log is SQLite in the state directory), called with a token bound to the pod.
/// </summary>
[NonParallelizable]
public sealed class DevGatewayTests : DevGatewayFixture
{
    [TearDown]
    public void Reset() => Dev.Provider.Completion = "Hello from the stand-in.";

    [Test]
    public async Task The_provider_gets_the_key_file_and_never_the_agent_token()
    {
        using var response = await Dev.ChatAsync();
        var seen = Dev.Provider.Last;

        (response.IsSuccessStatusCode, seen.Headers["authorization"], seen.Headers.Values.Concat([seen.Body]).Any(v => v.Contains(Dev.Token, StringComparison.Ordinal)))
            .Should().Be((true, "Bearer " + DevGatewayProcess.ProviderKey, false));
    }

    [Test]
    public async Task A_key_in_the_answer_reaches_the_agent_redacted()
    {
        Dev.Provider.Completion = $"use {AwsKey} to deploy";

        using var response = await Dev.ChatAsync();
        var content = await ContentAsync(response);

        content.Should().Be("use [REDACTED:aws-access-key] to deploy");
    }

    [Test]
    public async Task The_call_is_in_the_sqlite_audit_chain_of_the_state_directory_and_it_verifies()
    {
        (await Dev.ChatAsync()).EnsureSuccessStatusCode();

        var (calls, verdict) = await ReadAuditAsync(records => records.CountAsync(r => r.Kind == "model.call" && r.Task == "gw-agent"));

        (calls > 0, verdict).Should().Be((true, AuditTool.Intact));
    }
}
