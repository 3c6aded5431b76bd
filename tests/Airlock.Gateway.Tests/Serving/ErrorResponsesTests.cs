using System.Text.Json.Nodes;
using Airlock.Gateway.Serving;

namespace Airlock.Gateway.Tests.Serving;

public sealed class ErrorResponsesTests
{
    [Test]
    public void Openai_errors_carry_message_type_param_and_code()
    {
        var body = JsonNode.Parse(ErrorResponses.Render(ApiFlavor.OpenAi, GatewayError.Forbidden("budget_exhausted", "spent")))!;

        body.ToJsonString().Should().Be("""{"error":{"message":"spent","type":"insufficient_quota","param":null,"code":"budget_exhausted"}}""");
    }

    [Test]
    public void Anthropic_errors_carry_type_error_and_the_code_in_the_message()
    {
        var body = JsonNode.Parse(ErrorResponses.Render(ApiFlavor.Anthropic, new GatewayError(429, "rate_limit_exceeded", "slow down")))!;

        body.ToJsonString().Should().Be("""{"type":"error","error":{"type":"rate_limit_error","message":"rate_limit_exceeded: slow down"}}""");
    }
}
