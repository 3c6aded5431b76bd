using Airlock.Gateway.Tests.Support;
using Airlock.Testing;

namespace Airlock.Gateway.Tests.EndToEnd;

/// <summary>A crash loses no acknowledged record: the caller sees the end of an answer only once its audit record is written.</summary>
[NonParallelizable]
public sealed class AcknowledgementTests
{
    [Test]
    public async Task A_whole_answer_reaches_the_caller_only_after_its_audit_record_is_written()
    {
        var audit = new GatedAuditLog();
        await using var harness = await GatewayHarness.StartAsync(audit: audit);
        var agent = await harness.CreateAgentAsync();

        var call = harness.ChatAsync(agent);
        await Eventually.UntilAsync(() => Task.FromResult(audit.Waiting > 0), "the call's audit append");
        var answeredBeforeTheRecord = call.IsCompleted;
        audit.Open();
        using var response = await call;

        (answeredBeforeTheRecord, response.IsSuccessStatusCode).Should().Be((false, true));
    }

    [Test]
    public async Task A_stream_ends_for_the_caller_only_after_its_audit_record_is_written()
    {
        var audit = new GatedAuditLog();
        await using var harness = await GatewayHarness.StartAsync(audit: audit);
        var agent = await harness.CreateAgentAsync();

        using var response = await harness.SendAsync(agent.Token, HttpMethod.Post, "/v1/chat/completions", GatewayHarness.Chat("gpt-test", "hi", stream: true),
            HttpCompletionOption.ResponseHeadersRead);
        var body = response.Content.ReadAsStringAsync();
        await Eventually.UntilAsync(() => Task.FromResult(audit.Waiting > 0), "the call's audit append");
        var endedBeforeTheRecord = body.IsCompleted;
        audit.Open();

        (endedBeforeTheRecord, (await body).TrimEnd().EndsWith("data: [DONE]", StringComparison.Ordinal)).Should().Be((false, true));
    }
}
