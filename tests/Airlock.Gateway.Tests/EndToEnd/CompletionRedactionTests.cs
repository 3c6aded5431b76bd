using System.Net;
using System.Text.Json.Nodes;
using Airlock.Api.Tasks;
using Airlock.Gateway.Tests.Support;
using Airlock.Guardrails;

namespace Airlock.Gateway.Tests.EndToEnd;

/// <summary>
/// Secrets in the model's output, with the real scanner: by default the agent gets them redacted (whole answers and streams,
/// a key split across two chunks included); a gateway set to pass them on still keeps them out of the audit log.
/// </summary>
[NonParallelizable]
public sealed class CompletionRedactionTests
{
    // Split in the middle by the stand-in's stream: "…AKIAZ7QF3K" | "XMPLE4T2VB …".
    private const string AwsKey = "AKIAZ7QF3KXMPLE4T2VB";
    private const string Completion = "The deploy key is " + AwsKey + " for now";

    private GatewayHarness _redacting = null!;
    private GatewayHarness _passing = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _redacting = await GatewayHarness.StartAsync(scanner: GuardrailScanner.Default);
        _passing = await GatewayHarness.StartAsync(o => o with { Guardrails = o.Guardrails with { RedactCompletions = false } }, scanner: GuardrailScanner.Default,
            provider: _redacting.Provider);
        _redacting.Provider.Completion = Completion;
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _passing.DisposeAsync();
        await _redacting.DisposeAsync();
    }

    [Test]
    public async Task A_key_in_an_answer_reaches_the_agent_redacted()
    {
        var agent = await _redacting.CreateAgentAsync();

        using var response = await _redacting.ChatAsync(agent);
        var content = (string?)(await GatewayHarness.JsonAsync(response))["choices"]![0]!["message"]!["content"];

        content.Should().Be("The deploy key is [REDACTED:aws-access-key] for now");
    }

    [Test]
    public async Task A_key_split_across_two_stream_chunks_reaches_the_agent_redacted()
    {
        var agent = await _redacting.CreateAgentAsync();

        using var response = await _redacting.ChatAsync(agent, stream: true);
        var text = await StreamedTextAsync(response, delta => (string?)delta["choices"]?[0]?["delta"]?["content"]);

        text.Should().Be("The deploy key is [REDACTED:aws-access-key] for now");
    }

    [Test]
    public async Task A_key_split_across_two_anthropic_stream_events_reaches_the_agent_redacted()
    {
        var agent = await _redacting.CreateAgentAsync(new ModelAccess { Provider = "anthropic", AllowedModels = ["claude-test"] });
        var body = new JsonObject { ["model"] = "claude-test", ["max_tokens"] = 10, ["stream"] = true, ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "hi" }) };

        using var response = await _redacting.SendAsync(agent.Token, HttpMethod.Post, "/v1/messages", body);
        var text = await StreamedTextAsync(response, data => (string?)data["delta"]?["text"]);

        text.Should().Be("The deploy key is [REDACTED:aws-access-key] for now");
    }

    [Test]
    public async Task A_key_in_an_anthropic_answer_reaches_the_agent_redacted()
    {
        var agent = await _redacting.CreateAgentAsync(new ModelAccess { Provider = "anthropic", AllowedModels = ["claude-test"] });
        var body = new JsonObject { ["model"] = "claude-test", ["max_tokens"] = 10, ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "hi" }) };

        using var response = await _redacting.SendAsync(agent.Token, HttpMethod.Post, "/v1/messages", body);
        var text = (string?)(await GatewayHarness.JsonAsync(response))["content"]![0]!["text"];

        text.Should().Be("The deploy key is [REDACTED:aws-access-key] for now");
    }

    [Test]
    public async Task A_redacted_answer_is_audited_with_the_secret_type_it_lost()
    {
        var agent = await _redacting.CreateAgentAsync();

        (await _redacting.ChatAsync(agent, stream: true)).EnsureSuccessStatusCode();
        var record = (await _redacting.AuditRecordsAsync(agent)).Single();

        ((string?)record.Data["completion"], record.Data["guardrails"]!["completionSecrets"]!.AsArray().Select(n => (string?)n))
            .Should().BeEquivalentTo(("The deploy key is [REDACTED:aws-access-key] for now", new[] { "aws-access-key" }));
    }

    [Test]
    public async Task A_gateway_set_to_pass_secrets_on_gives_the_agent_the_answer_as_sent()
    {
        var agent = await _passing.CreateAgentAsync();

        using var response = await _passing.ChatAsync(agent);
        var content = (string?)(await GatewayHarness.JsonAsync(response))["choices"]![0]!["message"]!["content"];

        content.Should().Be(Completion);
    }

    [Test]
    public async Task A_gateway_set_to_pass_secrets_on_streams_them_but_keeps_them_out_of_the_audit_log()
    {
        var agent = await _passing.CreateAgentAsync();

        using var response = await _passing.ChatAsync(agent, stream: true);
        var text = await StreamedTextAsync(response, delta => (string?)delta["choices"]?[0]?["delta"]?["content"]);
        var record = (await _passing.AuditRecordsAsync(agent)).Single();

        (text, record.Data.ToJsonString().Contains(AwsKey, StringComparison.Ordinal)).Should().Be((Completion, false));
    }

    /// <summary>The text the caller saw in a stream: the concatenation of each event's text as <paramref name="select"/> finds it.</summary>
    private static async Task<string> StreamedTextAsync(HttpResponseMessage response, Func<JsonNode, string?> select)
    {
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var text = "";
        foreach (var line in (await response.Content.ReadAsStringAsync()).Split('\n'))
        {
            if (!line.StartsWith("data: {", StringComparison.Ordinal)) continue;
            text += select(JsonNode.Parse(line["data: ".Length..])!);
        }
        return text;
    }
}
