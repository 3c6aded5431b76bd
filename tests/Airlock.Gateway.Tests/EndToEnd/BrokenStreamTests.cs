using System.Text.Json.Nodes;
using Airlock.Api.Tasks;
using Airlock.Gateway.Serving;
using Airlock.Gateway.Tests.Support;
using Airlock.Testing.Providers;

namespace Airlock.Gateway.Tests.EndToEnd;

/// <summary>
/// A provider that breaks a stream off after its first text chunk (connection reset, or a body that ends before the terminal
/// event): the caller gets the text so far and then a terminal error event in its API's shape (never a stream that merely
/// stops), and the call is audited with status 502, the error code and the usage the provider reported before it broke.
/// </summary>
[NonParallelizable]
public sealed class BrokenStreamTests : GatewayFixture
{
    [OneTimeSetUp]
    public void SplitAfterAWord()
    {
        // The first chunk ends a word ("Hello from "), so the redaction passes it on at once instead of waiting for more.
        Harness.Provider.Completion = "Hello from a stand-in.";
    }

    [TearDown]
    public void Heal()
    {
        Harness.Provider.BreakStream = StreamBreak.None;
        Harness.Provider.HoldStream?.TrySetResult();
        Harness.Provider.HoldStream = null;
    }

    [TestCase(StreamBreak.Reset)]
    [TestCase(StreamBreak.Truncate)]
    public async Task An_openai_stream_ends_with_an_error_data_event_and_no_done(StreamBreak how)
    {
        var agent = await Harness.CreateAgentAsync();
        Harness.Provider.BreakStream = how;

        var events = await StreamAsync(agent, "/v1/chat/completions", GatewayHarness.Chat("gpt-test", "hi", stream: true));
        var last = JsonNode.Parse(Data(events[^1]))!;

        (events.Any(e => e.Contains("[DONE]", StringComparison.Ordinal)), (string?)last["error"]?["code"], (string?)last["error"]?["type"])
            .Should().Be((false, StreamRelay.StreamBrokenCode, "server_error"));
    }

    [TestCase(StreamBreak.Reset)]
    [TestCase(StreamBreak.Truncate)]
    public async Task An_anthropic_stream_ends_with_an_error_event(StreamBreak how)
    {
        var agent = await Harness.CreateAgentAsync(new ModelAccess { Provider = "anthropic", AllowedModels = ["claude-test"] });
        Harness.Provider.BreakStream = how;

        var events = await StreamAsync(agent, "/v1/messages", AnthropicStream());
        var last = JsonNode.Parse(Data(events[^1]))!;

        (events[^1].StartsWith("event: error\n", StringComparison.Ordinal), (string?)last["type"], (string?)last["error"]?["type"], events.Any(e => e.Contains("message_stop", StringComparison.Ordinal)))
            .Should().Be((true, "error", "api_error", false));
    }

    [Test]
    public async Task The_text_before_the_break_reaches_the_caller()
    {
        var agent = await Harness.CreateAgentAsync();
        Harness.Provider.BreakStream = StreamBreak.Reset;

        var events = await StreamAsync(agent, "/v1/chat/completions", GatewayHarness.Chat("gpt-test", "hi", stream: true));
        var first = JsonNode.Parse(Data(events[0]))!;

        ((string?)first["choices"]?[0]?["delta"]?["content"]).Should().Be(Harness.Provider.Completion[..(Harness.Provider.Completion.Length / 2)]);
    }

    [TestCase(StreamBreak.Reset)]
    [TestCase(StreamBreak.Truncate)]
    public async Task A_broken_openai_stream_is_audited_as_502_with_its_error(StreamBreak how)
    {
        var agent = await Harness.CreateAgentAsync();
        Harness.Provider.BreakStream = how;

        await StreamAsync(agent, "/v1/chat/completions", GatewayHarness.Chat("gpt-test", "hi", stream: true));
        var record = (await Harness.AuditRecordsAsync(agent)).Single();

        ((int?)record.Data["status"], (string?)record.Data["error"]).Should().Be((502, StreamRelay.StreamBrokenCode));
    }

    [TestCase(StreamBreak.Reset)]
    [TestCase(StreamBreak.Truncate)]
    public async Task A_broken_anthropic_stream_is_audited_with_the_usage_reported_before_the_break(StreamBreak how)
    {
        var agent = await Harness.CreateAgentAsync(new ModelAccess { Provider = "anthropic", AllowedModels = ["claude-test"] });
        Harness.Provider.BreakStream = how;

        await StreamAsync(agent, "/v1/messages", AnthropicStream());
        var record = (await Harness.AuditRecordsAsync(agent)).Single();

        // message_start said input_tokens 11, output_tokens 1; the message_delta with the final count never came.
        ((int?)record.Data["status"], (string?)record.Data["error"], (long?)record.Data["promptTokens"], (long?)record.Data["completionTokens"])
            .Should().Be((502, StreamRelay.StreamBrokenCode, 11L, 1L));
    }

    [Test]
    public async Task A_whole_stream_gets_no_error_event()
    {
        var agent = await Harness.CreateAgentAsync();

        var events = await StreamAsync(agent, "/v1/chat/completions", GatewayHarness.Chat("gpt-test", "hi", stream: true));

        (events[^1], events.Any(e => e.Contains("\"error\"", StringComparison.Ordinal))).Should().Be(("data: [DONE]", false));
    }

    private static JsonObject AnthropicStream() => new()
    {
        ["model"] = "claude-test",
        ["max_tokens"] = 10,
        ["stream"] = true,
        ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "hi" }),
    };

    /// <summary>
    /// The events of the whole response body (as an SSE reader splits them), read to its end. The provider holds the stream
    /// after its first text chunk until the caller has that chunk, so a reset cannot overtake data already sent.
    /// </summary>
    private async Task<IReadOnlyList<string>> StreamAsync(TestAgent agent, string path, JsonObject body)
    {
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Harness.Provider.HoldStream = hold;
        using var response = await Harness.SendAsync(agent.Token, HttpMethod.Post, path, body, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var text = new System.Text.StringBuilder();
        while (!text.ToString().Contains("\"text_delta\"", StringComparison.Ordinal) && !text.ToString().Contains("\"content\"", StringComparison.Ordinal))
        {
            var line = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20)) ?? throw new AssertionException($"the stream ended before its first text chunk: {text}");
            text.Append(line).Append('\n');
        }
        hold.SetResult();
        text.Append(await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(20)));
        return text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static string Data(string sseEvent) =>
        string.Join('\n', sseEvent.Split('\n').Where(l => l.StartsWith("data:", StringComparison.Ordinal)).Select(l => l[5..].TrimStart()));
}
