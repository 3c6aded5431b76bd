using Airlock.Guardrails.Injection;
using Airlock.Guardrails.Secrets;

namespace Airlock.Guardrails.Tests.Injection.Scanning;

/// <summary>Text with nothing to find costs no allocation beyond the result: the gateway scans every request.</summary>
public class QuietPathTests
{
    private const string Prose =
        "You are reviewing a pull request for the billing service. The change moves invoice rounding into one class so every path "
        + "rounds the same way; Maria asks whether finance compares totals with the ERP export every month.";

    [Test]
    public void Injection_analysis_of_quiet_prose_allocates_nothing()
    {
        var detector = new InjectionDetector();

        AllocatedBy(() => detector.Analyze(Prose)).Should().Be(0);
    }

    [Test]
    public void Secret_search_of_prose_without_anchors_allocates_nothing()
    {
        AllocatedBy(() => SecretScanner.Find(Prose)).Should().Be(0);
    }

    [Test]
    public void Scan_of_quiet_prose_returns_the_text_itself_as_redacted()
    {
        var result = GuardrailScanner.Default.Scan(Prose);

        result.Redacted.Should().BeSameAs(Prose);
    }

    private static long AllocatedBy(Action action)
    {
        for (var i = 0; i < 3; i++) action();
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
