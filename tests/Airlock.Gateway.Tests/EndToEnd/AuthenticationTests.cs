using System.Net;
using Airlock.Api.Tasks;
using Airlock.ControlPlane.Auth;
using Airlock.Gateway.Auth;
using Airlock.Gateway.Tests.Support;
using Airlock.Testing;
using k8s;

namespace Airlock.Gateway.Tests.EndToEnd;

[NonParallelizable]
public sealed class AuthenticationTests : GatewayFixture
{
    [Test]
    public async Task A_call_without_a_token_gets_401_in_the_openai_error_shape()
    {
        using var response = await Harness.SendAsync(null, HttpMethod.Post, "/v1/chat/completions", GatewayHarness.Chat("gpt-test", "hi"));
        var body = await GatewayHarness.JsonAsync(response);

        (response.StatusCode, (string?)body["error"]?["code"], (string?)body["error"]?["type"])
            .Should().Be((HttpStatusCode.Unauthorized, "missing_token", "authentication_error"));
    }

    [Test]
    public async Task An_anthropic_call_without_a_token_gets_401_in_the_anthropic_error_shape()
    {
        using var response = await Harness.SendAsync(null, HttpMethod.Post, "/v1/messages", GatewayHarness.Chat("claude-test", "hi"));
        var body = await GatewayHarness.JsonAsync(response);

        (response.StatusCode, (string?)body["type"], (string?)body["error"]?["type"])
            .Should().Be((HttpStatusCode.Unauthorized, "error", "authentication_error"));
    }

    [Test]
    public async Task A_malformed_token_gets_401()
    {
        using var response = await Harness.SendAsync("not a jwt", HttpMethod.Post, "/v1/chat/completions", GatewayHarness.Chat("gpt-test", "hi"));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_token_for_another_audience_gets_401()
    {
        var agent = await Harness.CreateAgentAsync();
        var pod = await Harness.Cluster.Client.CoreV1.ReadNamespacedPodAsync(agent.Pod, agent.Namespace);
        var token = await AgentFactory.IssueTokenAsync(Harness.Cluster.Client, agent.Namespace, agent.Task + "-agent", pod, "https://kubernetes.default.svc");

        using var response = await Harness.SendAsync(token, HttpMethod.Post, "/v1/chat/completions", GatewayHarness.Chat("gpt-test", "hi"));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task An_expired_token_gets_401()
    {
        var local = Harness.Cluster.RequireLocal();
        var agent = await Harness.CreateAgentAsync();
        var account = await Harness.Cluster.Client.CoreV1.ReadNamespacedServiceAccountAsync(agent.Task + "-agent", agent.Namespace);
        var now = DateTimeOffset.UtcNow;
        var expired = local.TokenIssuer.Issue(new ServiceAccountTokenClaims(agent.Namespace, account.Metadata.Name, account.Metadata.Uid,
            [SandboxContract.TokenAudience], now.AddMinutes(-20), now.AddMinutes(-10), new BoundObjectReference("Pod", agent.Pod, agent.PodUid)));

        using var response = await Harness.SendAsync(expired, HttpMethod.Post, "/v1/chat/completions", GatewayHarness.Chat("gpt-test", "hi"));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task The_token_of_a_deleted_pod_gets_403_at_once_despite_the_verdict_cache()
    {
        var agent = await Harness.CreateAgentAsync();
        (await Harness.ChatAsync(agent)).StatusCode.Should().Be(HttpStatusCode.OK);

        await Harness.Cluster.Client.CoreV1.DeleteNamespacedPodAsync(agent.Pod, agent.Namespace, gracePeriodSeconds: 0);

        await Eventually.UntilAsync(async () => (await Harness.ChatAsync(agent)).StatusCode == HttpStatusCode.Forbidden, "a 403 for the deleted pod's token");
    }

    [Test]
    public async Task A_task_that_is_not_running_gets_403()
    {
        var agent = await Harness.CreateAgentAsync();

        await AgentFactory.SetPhaseAsync(Harness.Cluster.Client, agent.Namespace, agent.Task, AgentTaskPhase.Succeeded);

        await Eventually.UntilAsync(async () =>
        {
            using var response = await Harness.ChatAsync(agent);
            return response.StatusCode == HttpStatusCode.Forbidden && (string?)(await GatewayHarness.JsonAsync(response))["error"]?["code"] == "task_not_running";
        }, "a 403 task_not_running");
    }

    [Test]
    public async Task A_model_outside_allowed_models_gets_403()
    {
        var agent = await Harness.CreateAgentAsync();

        using var response = await Harness.ChatAsync(agent, model: "gpt-forbidden");
        var body = await GatewayHarness.JsonAsync(response);

        (response.StatusCode, (string?)body["error"]?["code"]).Should().Be((HttpStatusCode.Forbidden, "model_not_allowed"));
    }

    [Test]
    public async Task An_unreachable_token_review_refuses_the_call()
    {
        var agent = await Harness.CreateAgentAsync();
        using var unreachable = new Kubernetes(new KubernetesClientConfiguration { Host = "http://127.0.0.1:9" });
        await using var other = await GatewayHarness.StartAsync(reviewer: new KubernetesTokenReviewer(unreachable), provider: Harness.Provider);

        using var response = await other.ChatAsync(agent);

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
    }
}
