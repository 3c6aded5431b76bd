using Airlock.Gateway.Tests.Support;
using Airlock.Guardrails;

namespace Airlock.Gateway.Tests.EndToEnd;

/// <summary>The gateway with the real Airlock.Guardrails scanner behind it.</summary>
[NonParallelizable]
public sealed class RealGuardrailsTests
{
    [Test]
    public async Task An_aws_key_in_a_prompt_never_reaches_the_audit_log()
    {
        const string AwsKey = "AKIAZ7QF3KXMPLE4T2VB";
        await using var harness = await GatewayHarness.StartAsync(scanner: GuardrailScanner.Default);
        var agent = await harness.CreateAgentAsync();

        (await harness.ChatAsync(agent, content: $"deploy with aws_access_key_id={AwsKey} please")).EnsureSuccessStatusCode();
        var record = (await harness.AuditRecordsAsync(agent)).Single();

        ((string?)record.Data["prompt"]).Should().NotContain(AwsKey);
    }
}
