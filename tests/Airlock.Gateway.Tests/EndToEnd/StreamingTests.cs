using System.Net;
using System.Text.Json.Nodes;
using Airlock.Api.Tasks;
using Airlock.Gateway.Tests.Support;

namespace Airlock.Gateway.Tests.EndToEnd;

[NonParallelizable]
public sealed class StreamingTests
{
    private GatewayHarness _harness = null!;

    [OneTimeSetUp]
    public async Task Start() => _harness = await GatewayHarness.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _harness.DisposeAsync();

    [TearDown]
    public void Release()
    {
        _harness.Provider.HoldStream?.TrySetResult();
        _harness.Provider.HoldStream = null;
        _harness.Provider.Completion = "Hello from the stand-in.";
    }

    [Test]
    public async Task The_first_chunk_reaches_the_caller_before_the_stream_ends()
    {
        var agent = await _harness.CreateAgentAsync();
        // The first chunk ends a word ("Hello from "), so the redaction has nothing to wait for.
        _harness.Provider.Completion = "Hello from a stand-in.";
        _harness.Provider.HoldStream = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        using var response = await _harness.SendAsync(agent.Token, HttpMethod.Post, "/v1/chat/completions",
            GatewayHarness.Chat("gpt-test", "hi", stream: true), HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var first = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));

        // The provider is still holding the rest of the stream, so this line came through before the stream ended.
        (_harness.Provider.HoldStream.Task.IsCompleted, first!.StartsWith("data: {", StringComparison.Ordinal)).Should().Be((false, true));
        _harness.Provider.HoldStream.SetResult();
    }

    [Test]
    public async Task The_gateway_asks_the_provider_for_usage_and_hides_it_from_a_caller_that_did_not()
    {
        var agent = await _harness.CreateAgentAsync();

        using var response = await _harness.SendAsync(agent.Token, HttpMethod.Post, "/v1/chat/completions", GatewayHarness.Chat("gpt-test", "hi", stream: true));
        var text = await response.Content.ReadAsStringAsync();
        var asked = JsonNode.Parse(_harness.Provider.Last.Body)!["stream_options"]?["include_usage"]?.GetValue<bool>();

        (asked, text.Contains("\"usage\"", StringComparison.Ordinal), text.TrimEnd().EndsWith("data: [DONE]", StringComparison.Ordinal)).Should().Be((true, false, true));
    }

    [Test]
    public async Task Usage_from_the_final_chunk_is_audited()
    {
        var agent = await _harness.CreateAgentAsync();

        using var response = await _harness.SendAsync(agent.Token, HttpMethod.Post, "/v1/chat/completions", GatewayHarness.Chat("gpt-test", "hi", stream: true));
        await response.Content.ReadAsStringAsync();
        var record = (await _harness.AuditRecordsAsync(agent)).Single();

        ((long?)record.Data["promptTokens"], (long?)record.Data["completionTokens"], (string?)record.Data["completion"])
            .Should().Be((11L, 7L, _harness.Provider.Completion));
    }

    [Test]
    public async Task Anthropic_stream_usage_comes_from_message_start_and_message_delta()
    {
        var agent = await _harness.CreateAgentAsync(new ModelAccess { Provider = "anthropic", AllowedModels = ["claude-test"] });
        var body = new JsonObject { ["model"] = "claude-test", ["max_tokens"] = 10, ["stream"] = true, ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "hi" }) };

        using var response = await _harness.SendAsync(agent.Token, HttpMethod.Post, "/v1/messages", body);
        var text = await response.Content.ReadAsStringAsync();
        var record = (await _harness.AuditRecordsAsync(agent)).Single();

        (response.StatusCode, text.Contains("event: message_stop", StringComparison.Ordinal), (long?)record.Data["promptTokens"], (long?)record.Data["completionTokens"])
            .Should().Be((HttpStatusCode.OK, true, 11L, 7L));
    }
}
