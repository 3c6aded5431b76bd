using Airlock.Gateway.Anomaly;
using Airlock.Gateway.Tests.Support;

namespace Airlock.Gateway.Tests.Anomaly;

public sealed class AnomalyDetectorTests
{
    private ManualTime _time = null!;
    private List<AnomalySignal> _signals = null!;
    private AnomalyDetector _detector = null!;

    [SetUp]
    public void Create()
    {
        _time = new ManualTime(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        _signals = [];
        _detector = new AnomalyDetector(new AnomalyOptions { MinRequestSpike = 10, MinTokenSpike = 1000 }, _time, _signals.Add);
    }

    [Test]
    public void A_burst_far_above_the_task_baseline_is_a_request_spike()
    {
        Baseline(requestsPerMinute: 2, tokensPerCall: 10);

        for (var i = 0; i < 12; i++) _detector.ObserveCall("ns", "t", 10);

        _signals.Should().ContainSingle().Which.Kind.Should().Be(AnomalyKind.RequestSpike);
    }

    [Test]
    public void Steady_use_at_the_baseline_raises_nothing()
    {
        Baseline(requestsPerMinute: 15, tokensPerCall: 10);

        for (var i = 0; i < 15; i++) _detector.ObserveCall("ns", "t", 10);

        _signals.Should().BeEmpty();
    }

    [Test]
    public void Nothing_is_signalled_before_the_baseline_has_warmed_up()
    {
        for (var i = 0; i < 50; i++) _detector.ObserveCall("ns", "t", 10);

        _signals.Should().BeEmpty();
    }

    [Test]
    public void A_few_huge_calls_are_a_token_spike()
    {
        Baseline(requestsPerMinute: 2, tokensPerCall: 100);

        _detector.ObserveCall("ns", "t", 5000);

        _signals.Should().ContainSingle().Which.Kind.Should().Be(AnomalyKind.TokenSpike);
    }

    [Test]
    public void Repeated_guardrail_hits_within_the_window_are_signalled_once()
    {
        for (var i = 0; i < 3; i++) _detector.ObserveGuardrailHit("ns", "t", "prompt injection");

        _signals.Should().ContainSingle().Which.Kind.Should().Be(AnomalyKind.RepeatedGuardrailHits);
    }

    [Test]
    public void Guardrail_hits_spread_beyond_the_window_are_not_signalled()
    {
        for (var i = 0; i < 3; i++)
        {
            _detector.ObserveGuardrailHit("ns", "t", "prompt injection");
            _time.Advance(TimeSpan.FromMinutes(6));
        }

        _signals.Should().BeEmpty();
    }

    [Test]
    public void Budget_exhaustion_is_signalled_once_per_task()
    {
        _detector.ObserveBudgetExhausted("ns", "t", 100);
        _detector.ObserveBudgetExhausted("ns", "t", 100);

        _signals.Should().ContainSingle().Which.Kind.Should().Be(AnomalyKind.BudgetExhausted);
    }

    private void Baseline(int requestsPerMinute, int tokensPerCall)
    {
        for (var minute = 0; minute < 5; minute++)
        {
            for (var i = 0; i < requestsPerMinute; i++) _detector.ObserveCall("ns", "t", tokensPerCall);
            _time.Advance(TimeSpan.FromMinutes(1));
        }
    }
}
