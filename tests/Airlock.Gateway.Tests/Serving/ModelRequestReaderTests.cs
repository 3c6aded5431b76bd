using System.Text;
using System.Text.Json.Nodes;
using Airlock.Gateway.Serving;

namespace Airlock.Gateway.Tests.Serving;

public sealed class ModelRequestReaderTests
{
    [Test]
    public void Only_user_and_tool_content_counts_as_untrusted()
    {
        var request = Read(ModelRoute.ChatCompletions, """
            {"model":"m","messages":[{"role":"system","content":"SYS"},{"role":"user","content":"USER"},{"role":"assistant","content":"ME"},{"role":"tool","content":[{"type":"text","text":"TOOL"}]}]}
            """);

        request.Parts.Select(p => (p.Text, p.Untrusted)).Should().Equal(("SYS", false), ("USER", true), ("ME", false), ("TOOL ", true));
    }

    [Test]
    public void Anthropic_tool_results_count_as_untrusted()
    {
        var request = Read(ModelRoute.Messages, """
            {"model":"m","system":"SYS","max_tokens":5,"messages":[{"role":"user","content":[{"type":"tool_result","tool_use_id":"1","content":"RESULT"}]}]}
            """);

        request.Parts.Select(p => (p.Text, p.Untrusted)).Should().Equal(("SYS", false), ("[tool_result] RESULT", true));
    }

    [Test]
    public void Tool_calls_of_the_assistant_are_parts_of_their_own()
    {
        var request = Read(ModelRoute.ChatCompletions, """
            {"model":"m","messages":[{"role":"assistant","content":null,"tool_calls":[{"id":"1","type":"function","function":{"name":"run","arguments":"{\"cmd\":\"ls\"}"}}]}]}
            """);

        request.Parts.Select(p => (p.Label, p.Text, p.Untrusted)).Should().Equal(("[assistant] ", "", false), ("[tool_call run] ", """{"cmd":"ls"}""", false));
    }

    [Test]
    public void A_streamed_chat_without_usage_asks_for_it_upstream()
    {
        var request = Read(ModelRoute.ChatCompletions, """{"model":"m","stream":true,"messages":[]}""");
        var upstream = JsonNode.Parse(request.UpstreamBody.Span)!;

        ((bool?)upstream["stream_options"]?["include_usage"], request.UsageRequestedByGateway).Should().Be((true, true));
    }

    [Test]
    public void A_streamed_chat_that_asks_for_usage_is_sent_unchanged()
    {
        const string Body = """{"model":"m","stream":true,"stream_options":{"include_usage":true},"messages":[]}""";

        var request = Read(ModelRoute.ChatCompletions, Body);

        (Encoding.UTF8.GetString(request.UpstreamBody.Span), request.UsageRequestedByGateway).Should().Be((Body, false));
    }

    [Test]
    public void The_estimate_includes_the_completion_cap()
    {
        var request = Read(ModelRoute.ChatCompletions, """{"model":"m","max_tokens":1000,"messages":[]}""");

        request.EstimatedTokens.Should().BeGreaterThan(1000);
    }

    [Test]
    public void A_body_that_is_not_a_json_object_is_refused() =>
        ModelRequestReader.Read(ModelRoute.ChatCompletions, Encoding.UTF8.GetBytes("[1,2]")).Should().BeNull();

    private static ModelRequest Read(ModelRoute route, string body) => ModelRequestReader.Read(route, Encoding.UTF8.GetBytes(body))!;
}
