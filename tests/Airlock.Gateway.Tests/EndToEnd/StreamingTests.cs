using System.Net;
using System.Text.Json.Nodes;
using Airlock.Api.Tasks;
using Airlock.Gateway.Tests.Support;

namespace Airlock.Gateway.Tests.EndToEnd;

[NonParallelizable]
public sealed class StreamingTests : GatewayFixture
{
    [TearDown]
    public void Release()
    {
        Harness.Provider.HoldStream?.TrySetResult();
        Harness.Provider.HoldStream = null;
        Harness.Provider.Completion = "Hello from the stand-in.";
    }

    [Test]
    public async Task The_first_chunk_reaches_the_caller_before_the_stream_ends()
    {
        var agent = await Harness.CreateAgentAsync();
        // The first chunk ends a word ("Hello from "), so the redaction has nothing to wait for.
        Harness.Provider.Completion = "Hello from a stand-in.";
        Harness.Provider.HoldStream = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        using var response = await Harness.SendAsync(agent.Token, HttpMethod.Post, "/v1/chat/completions",
            GatewayHarness.Chat("gpt-test", "hi", stream: true), HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var first = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));

        // The provider is still holding the rest of the stream, so this line came through before the stream ended.
        (Harness.Provider.HoldStream.Task.IsCompleted, first!.StartsWith("data: {", StringComparison.Ordinal)).Should().Be((false, true));
        Harness.Provider.HoldStream.SetResult();
    }

    [Test]
    public async Task The_gateway_asks_the_provider_for_usage_and_hides_it_from_a_caller_that_did_not()
    {
        var agent = await Harness.CreateAgentAsync();

        using var response = await Harness.SendAsync(agent.Token, HttpMethod.Post, "/v1/chat/completions", GatewayHarness.Chat("gpt-test", "hi", stream: true));
        var text = await response.Content.ReadAsStringAsync();
        var asked = JsonNode.Parse(Harness.Provider.Last.Body)!["stream_options"]?["include_usage"]?.GetValue<bool>();

        (asked, text.Contains("\"usage\"", StringComparison.Ordinal), text.TrimEnd().EndsWith("data: [DONE]", StringComparison.Ordinal)).Should().Be((true, false, true));
    }

    [Test]
    public async Task Usage_from_the_final_chunk_is_audited()
    {
        var agent = await Harness.CreateAgentAsync();

        using var response = await Harness.SendAsync(agent.Token, HttpMethod.Post, "/v1/chat/completions", GatewayHarness.Chat("gpt-test", "hi", stream: true));
        await response.Content.ReadAsStringAsync();
        var record = (await Harness.AuditRecordsAsync(agent)).Single();

        ((long?)record.Data["promptTokens"], (long?)record.Data["completionTokens"], (string?)record.Data["completion"])
            .Should().Be((11L, 7L, Harness.Provider.Completion));
    }

    [Test]
    public async Task Anthropic_stream_usage_comes_from_message_start_and_message_delta()
    {
        var agent = await Harness.CreateAgentAsync(new ModelAccess { Provider = "anthropic", AllowedModels = ["claude-test"] });
        var body = new JsonObject { ["model"] = "claude-test", ["max_tokens"] = 10, ["stream"] = true, ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "hi" }) };

        using var response = await Harness.SendAsync(agent.Token, HttpMethod.Post, "/v1/messages", body);
        var text = await response.Content.ReadAsStringAsync();
        var record = (await Harness.AuditRecordsAsync(agent)).Single();

        (response.StatusCode, text.Contains("event: message_stop", StringComparison.Ordinal), (long?)record.Data["promptTokens"], (long?)record.Data["completionTokens"])
            .Should().Be((HttpStatusCode.OK, true, 11L, 7L));
    }
}
