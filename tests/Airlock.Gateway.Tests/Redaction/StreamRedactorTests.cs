using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Airlock.Gateway.Guardrails;
using Airlock.Gateway.Redaction;
using Airlock.Gateway.Serving;
using Airlock.Guardrails;

namespace Airlock.Gateway.Tests.Redaction;

public sealed class StreamRedactorTests
{
    private const string AwsKey = "AKIAZ7QF3KXMPLE4T2VB";

    private readonly List<ReleasedEvent> _released = [];
    private StreamRedactor _redactor = null!;

    [SetUp]
    public void Create()
    {
        _released.Clear();
        _redactor = new StreamRedactor(new GuardrailEngine(GuardrailScanner.Default), ModelRoute.ChatCompletions);
    }

    [Test]
    public void A_key_split_across_two_chunks_reaches_the_caller_redacted()
    {
        Add(Chunk("The key is AKIAZ7QF3K"));
        Add(Chunk("XMPLE4T2VB and more"));
        _redactor.Flush(_released);

        (Text(), _redactor.SecretTypes.Single()).Should().Be(("The key is [REDACTED:aws-access-key] and more", "aws-access-key"));
    }

    [Test]
    public void A_chunk_that_ends_a_word_leaves_at_once()
    {
        Add(Chunk("Hello from "));

        _released.Should().ContainSingle();
    }

    [Test]
    public void A_chunk_that_ends_inside_a_word_waits_for_the_next_chunk()
    {
        Add(Chunk("Hello fr"));
        var held = _released.Count;
        Add(Chunk("om the model"));

        (held, _released.Count).Should().Be((0, 1));
    }

    [Test]
    public void Clean_events_leave_byte_for_byte()
    {
        var first = Chunk("Hello ");
        var second = Chunk("world. ");

        Add(first);
        Add(second);

        _released.Select(e => Encoding.UTF8.GetString(e.Bytes)).Should().Equal(Encoding.UTF8.GetString(first), Encoding.UTF8.GetString(second));
    }

    [Test]
    public void A_finished_choice_releases_its_last_word()
    {
        Add(Chunk("the end"));
        Add(Event("""{"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}"""));

        _released.Should().HaveCount(2);
    }

    [Test]
    public void A_private_key_is_held_until_its_end_line_and_then_cut_out_whole()
    {
        var body = string.Concat(Enumerable.Repeat("MIIEowIBAAKCAQEAx4Ur9yNqZ5bWc1fLJ3qK8sT0pV2mXeR7hG6dA1\n", 8));
        Add(Chunk("Here: "));
        Add(Chunk("\n-----BEGIN RSA PRIVATE KEY-----\n"));
        foreach (var line in body.Split('\n', StringSplitOptions.RemoveEmptyEntries)) Add(Chunk(line + "\n"));
        var heldWhileOpen = _released.Count;
        Add(Chunk("-----END RSA PRIVATE KEY-----\nDone. "));
        _redactor.Flush(_released);

        (heldWhileOpen, Text()).Should().Be((1, "Here: \n[REDACTED:private-key]\nDone. "));
    }

    [Test]
    public void Tool_call_arguments_are_redacted_in_their_own_channel()
    {
        Add(Event($$$"""{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"c1","function":{"name":"run","arguments":"{\"cmd\":\"export AWS_KEY={{{AwsKey[..8]}}}"}}]}}]}"""));
        Add(Event($$$"""{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{{{AwsKey[8..]}}}\"}"}}]}}]}"""));
        _redactor.Flush(_released);

        var arguments = string.Concat(_released.Select(e => (string?)Data(e)["choices"]![0]!["delta"]!["tool_calls"]![0]!["function"]!["arguments"]));
        arguments.Should().Be("""{"cmd":"export AWS_KEY=[REDACTED:aws-access-key]"}""");
    }

    [Test]
    public void An_anthropic_text_delta_split_across_events_is_redacted()
    {
        _redactor = new StreamRedactor(new GuardrailEngine(GuardrailScanner.Default), ModelRoute.Messages);
        Add(Anthropic("content_block_delta", $$$"""{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"key {{{AwsKey[..5]}}}"}}"""));
        Add(Anthropic("content_block_delta", $$$"""{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"{{{AwsKey[5..]}}}"}}"""));
        Add(Anthropic("content_block_stop", """{"type":"content_block_stop","index":0}"""));

        var text = string.Concat(_released.Select(e => (string?)Data(e)["delta"]?["text"]));
        (text, Encoding.UTF8.GetString(_released[0].Bytes).StartsWith("event: content_block_delta\n", StringComparison.Ordinal)).Should().Be(("key [REDACTED:aws-access-key]", true));
    }

    [Test]
    public void An_event_that_is_not_json_is_searched_as_text()
    {
        _redactor.Add(Encoding.UTF8.GetBytes($"data: oops {AwsKey}\n\n"), null, false, _released);

        Encoding.UTF8.GetString(_released.Single().Bytes).Should().Be("data: oops [REDACTED:aws-access-key]\n\n");
    }

    private static byte[] Chunk(string text) =>
        Event(new JsonObject { ["id"] = "c", ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = new JsonObject { ["content"] = text } }) }.ToJsonString());

    private static byte[] Event(string json) => Encoding.UTF8.GetBytes($"data: {json}\n\n");

    private static byte[] Anthropic(string name, string json) => Encoding.UTF8.GetBytes($"event: {name}\ndata: {json}\n\n");

    private static JsonNode Data(ReleasedEvent released) => JsonNode.Parse(SseEvents.Data(released.Bytes).Span)!;

    private void Add(byte[] eventBytes) => _redactor.Add(eventBytes, JsonDocument.Parse(SseEvents.Data(eventBytes)), false, _released);

    private string Text() => string.Concat(_released.Select(e => (string?)Data(e)["choices"]?[0]?["delta"]?["content"]));
}
