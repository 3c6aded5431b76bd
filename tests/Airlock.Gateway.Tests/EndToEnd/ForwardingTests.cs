using System.Net;
using System.Text.Json.Nodes;
using Airlock.Api.Tasks;
using Airlock.Gateway.Tests.Support;
using Airlock.Testing;

namespace Airlock.Gateway.Tests.EndToEnd;

[NonParallelizable]
public sealed class ForwardingTests : GatewayFixture
{
    [Test]
    public async Task The_provider_sees_its_key_as_a_bearer_token()
    {
        var agent = await Harness.CreateAgentAsync();

        using var response = await Harness.ChatAsync(agent);

        (response.StatusCode, Harness.Provider.Last.Headers["authorization"]).Should().Be((HttpStatusCode.OK, "Bearer " + GatewayHarness.OpenAiKey));
    }

    [Test]
    public async Task The_provider_never_sees_the_agent_token()
    {
        var agent = await Harness.CreateAgentAsync();

        using var response = await Harness.ChatAsync(agent);
        var seen = Harness.Provider.Last;

        seen.Headers.Values.Concat([seen.Body]).Should().NotContain(v => v.Contains(agent.Token, StringComparison.Ordinal));
    }

    [Test]
    public async Task An_anthropic_provider_gets_its_key_in_x_api_key_and_no_authorization()
    {
        var agent = await Harness.CreateAgentAsync(new ModelAccess { Provider = "anthropic", AllowedModels = ["claude-test"] });
        var body = new JsonObject { ["model"] = "claude-test", ["max_tokens"] = 10, ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "hi" }) };

        using var response = await Harness.SendAsync(agent.Token, HttpMethod.Post, "/v1/messages", body);
        var seen = Harness.Provider.Last;

        (response.StatusCode, seen.Headers["x-api-key"], seen.Headers.ContainsKey("authorization"), seen.Headers["anthropic-version"])
            .Should().Be((HttpStatusCode.OK, GatewayHarness.AnthropicKey, false, "2023-06-01"));
    }

    [Test]
    public async Task The_response_reveals_no_provider_key()
    {
        var agent = await Harness.CreateAgentAsync();

        using var response = await Harness.ChatAsync(agent);
        var text = await response.Content.ReadAsStringAsync();
        var headers = response.Headers.Concat(response.Content.Headers).SelectMany(h => h.Value);

        headers.Append(text).Should().NotContain(v => v.Contains(GatewayHarness.OpenAiKey, StringComparison.Ordinal));
    }

    [Test]
    public async Task A_rotated_key_file_is_used_without_a_restart()
    {
        var agent = await Harness.CreateAgentAsync();
        const string Rotated = "openai-provider-key-0002";
        try
        {
            await File.WriteAllTextAsync(Harness.OpenAiKeyFile + ".new", Rotated);
            File.Move(Harness.OpenAiKeyFile + ".new", Harness.OpenAiKeyFile, overwrite: true);

            await Eventually.UntilAsync(async () =>
            {
                using var response = await Harness.ChatAsync(agent);
                return Harness.Provider.Last.Headers["authorization"] == "Bearer " + Rotated;
            }, "the rotated key upstream");
        }
        finally
        {
            await File.WriteAllTextAsync(Harness.OpenAiKeyFile, GatewayHarness.OpenAiKey);
            await Eventually.UntilAsync(async () =>
            {
                using var response = await Harness.ChatAsync(agent);
                return Harness.Provider.Last.Headers["authorization"] == "Bearer " + GatewayHarness.OpenAiKey;
            }, "the original key upstream again");
        }
    }

    [Test]
    public async Task Models_lists_only_the_allowed_models()
    {
        var agent = await Harness.CreateAgentAsync(new ModelAccess { Provider = "openai", AllowedModels = ["gpt-a", "gpt-b"] });

        using var response = await Harness.SendAsync(agent.Token, HttpMethod.Get, "/v1/models", null);
        var ids = (await GatewayHarness.JsonAsync(response))["data"]!.AsArray().Select(m => (string?)m!["id"]);

        ids.Should().Equal("gpt-a", "gpt-b");
    }

    [Test]
    public async Task Embeddings_are_forwarded_with_the_key()
    {
        var agent = await Harness.CreateAgentAsync();

        using var response = await Harness.SendAsync(agent.Token, HttpMethod.Post, "/v1/embeddings", new JsonObject { ["model"] = "gpt-test", ["input"] = "a document" });

        (response.StatusCode, Harness.Provider.Last.Path).Should().Be((HttpStatusCode.OK, "/v1/embeddings"));
    }

    [Test]
    public async Task A_call_to_the_wrong_api_for_the_provider_gets_400()
    {
        var agent = await Harness.CreateAgentAsync();

        using var response = await Harness.SendAsync(agent.Token, HttpMethod.Post, "/v1/messages", GatewayHarness.Chat("gpt-test", "hi"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}
