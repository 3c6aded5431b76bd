using Airlock.Operator.Governance.Quarantine;
using Airlock.Runtime.Events;

namespace Airlock.Operator.Tests.Governance;

public class SignalRefusalsTests
{
    private readonly QuarantineMetrics _metrics = new(Prometheus.Metrics.NewCustomRegistry());

    [Test]
    public void Every_refusal_is_counted_by_namespace_reason_and_seal()
    {
        var refusals = new SignalRefusals(_metrics);

        for (var i = 0; i < 3; i++) refusals.Count("agents", "AnomalyTokenSpike", SignalSealProblem.Missing);
        refusals.Count("agents", "AnomalyTokenSpike", SignalSealProblem.Invalid);

        (_metrics.RefusedCount("agents", "AnomalyTokenSpike", SignalSealProblem.Missing), _metrics.RefusedCount("agents", "AnomalyTokenSpike", SignalSealProblem.Invalid))
            .Should().Be((3, 1));
    }

    [Test]
    public void Only_the_first_refusal_of_a_namespace_and_reason_is_logged()
    {
        var refusals = new SignalRefusals(_metrics);

        var logged = new[]
        {
            refusals.Count("agents", "AnomalyTokenSpike", SignalSealProblem.Missing),
            refusals.Count("agents", "AnomalyTokenSpike", SignalSealProblem.Invalid),
            refusals.Count("agents", "EgressDenialsRepeated", SignalSealProblem.Missing),
            refusals.Count("other", "AnomalyTokenSpike", SignalSealProblem.Missing),
        };

        logged.Should().Equal(true, false, true, true);
    }
}
