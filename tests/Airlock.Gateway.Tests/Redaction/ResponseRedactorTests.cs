using System.Text;
using System.Text.Json.Nodes;
using Airlock.Gateway.Guardrails;
using Airlock.Gateway.Redaction;
using Airlock.Guardrails;

namespace Airlock.Gateway.Tests.Redaction;

public sealed class ResponseRedactorTests
{
    private const string AwsKey = "AKIAZ7QF3KXMPLE4T2VB";

    private readonly GuardrailEngine _engine = new(GuardrailScanner.Default);

    [Test]
    public void A_clean_answer_leaves_byte_for_byte()
    {
        var body = Encoding.UTF8.GetBytes("""{"id":"chatcmpl-1","choices":[{"index":0,"message":{"role":"assistant","content":"Label: bug \u00e9"}}]}""");

        var (redacted, types) = ResponseRedactor.Redact(body, _engine)!.Value;

        (redacted.ToArray().SequenceEqual(body), types.Count).Should().Be((true, 0));
    }

    [Test]
    public void A_key_in_the_content_is_cut_out_and_the_rest_kept()
    {
        var body = Encoding.UTF8.GetBytes($$$"""{"id":"chatcmpl-1","choices":[{"index":0,"message":{"role":"assistant","content":"the key is {{{AwsKey}}}."}}],"usage":{"prompt_tokens":3}}""");

        var (redacted, types) = ResponseRedactor.Redact(body, _engine)!.Value;
        var json = JsonNode.Parse(redacted.Span)!;

        ((string?)json["choices"]![0]!["message"]!["content"], (int?)json["usage"]!["prompt_tokens"], types.Single())
            .Should().Be(("the key is [REDACTED:aws-access-key].", 3, "aws-access-key"));
    }

    [Test]
    public void A_password_in_a_tool_call_input_is_recognised_by_its_property_name()
    {
        var body = Encoding.UTF8.GetBytes("""{"type":"message","content":[{"type":"tool_use","id":"t1","name":"login","input":{"user":"ops","password":"Zq8!vR2#mK9$wL4x"}}]}""");

        var (redacted, _) = ResponseRedactor.Redact(body, _engine)!.Value;
        var input = JsonNode.Parse(redacted.Span)!["content"]![0]!["input"]!;

        ((string?)input["password"], (string?)input["user"]).Should().Be(("[REDACTED:generic-secret]", "ops"));
    }

    [Test]
    public void An_answer_that_is_not_json_is_searched_as_text()
    {
        var body = Encoding.UTF8.GetBytes($"upstream says: {AwsKey}");

        var (redacted, _) = ResponseRedactor.Redact(body, _engine)!.Value;

        Encoding.UTF8.GetString(redacted.Span).Should().Be("upstream says: [REDACTED:aws-access-key]");
    }
}
