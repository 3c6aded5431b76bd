using System.Text.Json.Nodes;
using Airlock.Gateway.Tests.Support;
using Airlock.Stores.Audit;

namespace Airlock.Gateway.Tests.EndToEnd;

/// <summary>
/// The gateway as <c>airlock dev</c> runs it (a separate process: the operator makes the agent's pod, the gateway holds the
/// key from <c>--provider-key-file</c>, the audit log is SQLite in the state directory), called with a token bound to the pod.
/// </summary>
[NonParallelizable]
public sealed class DevGatewayTests
{
    private const string AwsKey = "AKIAZ7QF3KXMPLE4T2VB";

    private DevGatewayProcess _dev = null!;

    [OneTimeSetUp]
    public async Task Start() => _dev = await DevGatewayProcess.StartAsync();

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_dev is not null) await _dev.DisposeAsync();
    }

    [TearDown]
    public void Reset() => _dev.Provider.Completion = "Hello from the stand-in.";

    [Test]
    public async Task The_provider_gets_the_key_file_and_never_the_agent_token()
    {
        using var response = await _dev.ChatAsync();
        var seen = _dev.Provider.Last;

        (response.IsSuccessStatusCode, seen.Headers["authorization"], seen.Headers.Values.Concat([seen.Body]).Any(v => v.Contains(_dev.Token, StringComparison.Ordinal)))
            .Should().Be((true, "Bearer " + DevGatewayProcess.ProviderKey, false));
    }

    [Test]
    public async Task A_key_in_the_answer_reaches_the_agent_redacted()
    {
        _dev.Provider.Completion = $"use {AwsKey} to deploy";

        using var response = await _dev.ChatAsync();
        var content = (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["choices"]![0]!["message"]!["content"];

        content.Should().Be("use [REDACTED:aws-access-key] to deploy");
    }

    [Test]
    public async Task The_call_is_in_the_sqlite_audit_chain_of_the_state_directory_and_it_verifies()
    {
        (await _dev.ChatAsync()).EnsureSuccessStatusCode();

        var (store, error) = await AuditTool.OpenAsync(_dev.StateDirectory, null, CancellationToken.None);
        store.Should().NotBeNull(error);
        await using (store)
        {
            var calls = await store!.ReadAsync(0, CancellationToken.None).CountAsync(r => r.Kind == "model.call" && r.Task == "gw-agent");
            var verdict = await AuditTool.VerifyAsync(store, TextWriter.Null, CancellationToken.None);

            (calls > 0, verdict).Should().Be((true, AuditTool.Intact));
        }
    }
}
