using System.Net;
using Airlock.Api.Tasks;
using Airlock.Gateway.Anomaly;
using Airlock.Gateway.Tests.Support;
using Airlock.Testing;
using k8s;

namespace Airlock.Gateway.Tests.EndToEnd;

[NonParallelizable]
public sealed class CeilingTests : GatewayFixture
{
    [Test]
    public async Task Requests_beyond_requests_per_minute_get_429_with_retry_after()
    {
        var agent = await Harness.CreateAgentAsync(new ModelAccess { Provider = "openai", RequestsPerMinute = 2 });
        (await Harness.ChatAsync(agent)).EnsureSuccessStatusCode();
        (await Harness.ChatAsync(agent)).EnsureSuccessStatusCode();

        using var third = await Harness.ChatAsync(agent);

        (third.StatusCode, third.Headers.RetryAfter?.Delta > TimeSpan.Zero).Should().Be((HttpStatusCode.TooManyRequests, true));
    }

    [Test]
    public async Task Tokens_beyond_tokens_per_minute_get_429()
    {
        var agent = await Harness.CreateAgentAsync(new ModelAccess { Provider = "openai", TokensPerMinute = 18 });
        (await Harness.ChatAsync(agent)).EnsureSuccessStatusCode();

        using var second = await Harness.ChatAsync(agent);

        second.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
    }

    [Test]
    public async Task A_spent_budget_gets_403_budget_exhausted()
    {
        var agent = await Harness.CreateAgentAsync(new ModelAccess { Provider = "openai", MaxTotalTokens = 18 });
        (await Harness.ChatAsync(agent)).EnsureSuccessStatusCode();

        using var second = await Harness.ChatAsync(agent);
        var body = await GatewayHarness.JsonAsync(second);

        (second.StatusCode, (string?)body["error"]?["code"]).Should().Be((HttpStatusCode.Forbidden, "budget_exhausted"));
    }

    [Test]
    public async Task A_spent_budget_raises_an_anomaly_signal_and_an_event_on_the_task()
    {
        var agent = await Harness.CreateAgentAsync(new ModelAccess { Provider = "openai", MaxTotalTokens = 18 });
        (await Harness.ChatAsync(agent)).EnsureSuccessStatusCode();
        (await Harness.ChatAsync(agent)).Dispose();

        var signal = Harness.Gateway.Signals.Recent.Should().ContainSingle(s => s.Task == agent.Task).Subject;
        signal.Kind.Should().Be(AnomalyKind.BudgetExhausted);
        await Eventually.UntilAsync(async () =>
            (await Harness.Cluster.Client.CoreV1.ListNamespacedEventAsync(agent.Namespace)).Items.Any(e => e.Reason == "AnomalyBudgetExhausted" && e.InvolvedObject.Name == agent.Task),
            "an AnomalyBudgetExhausted Event on the task");
    }

    [Test]
    public async Task An_anomaly_event_carries_a_signal_seal_that_verifies()
    {
        var agent = await Harness.CreateAgentAsync(new ModelAccess { Provider = "openai", MaxTotalTokens = 18 });
        (await Harness.ChatAsync(agent)).EnsureSuccessStatusCode();
        (await Harness.ChatAsync(agent)).Dispose();

        k8s.Models.Corev1Event? anomaly = null;
        await Eventually.UntilAsync(async () =>
            (anomaly = (await Harness.Cluster.Client.CoreV1.ListNamespacedEventAsync(agent.Namespace)).Items
                .FirstOrDefault(e => e.Reason == "AnomalyBudgetExhausted" && e.InvolvedObject.Name == agent.Task)) is not null,
            "an AnomalyBudgetExhausted Event on the task");

        (anomaly!.ReportingComponent, Harness.SignalSeal.Verify(anomaly).Problem).Should().Be(("airlock-gateway", Runtime.Events.SignalSealProblem.None));
    }

    [Test]
    public async Task A_concurrent_burst_gets_exactly_requests_per_minute_through()
    {
        var agent = await Harness.CreateAgentAsync(new ModelAccess { Provider = "openai", RequestsPerMinute = 4 });

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Harness.ChatAsync(agent)));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(4);
    }

    [Test]
    public async Task Usage_is_written_to_the_task_status_in_batches()
    {
        var agent = await Harness.CreateAgentAsync();
        (await Harness.ChatAsync(agent)).EnsureSuccessStatusCode();
        (await Harness.ChatAsync(agent)).EnsureSuccessStatusCode();

        await Harness.Gateway.Usage.FlushAsync(CancellationToken.None);
        var usage = (await AgentFactory.GetTaskAsync(Harness.Cluster.Client, agent.Namespace, agent.Task)).Status?.Usage;

        usage.Should().BeEquivalentTo(new { ModelRequests = 2L, PromptTokens = 22L, CompletionTokens = 14L });
    }
}
