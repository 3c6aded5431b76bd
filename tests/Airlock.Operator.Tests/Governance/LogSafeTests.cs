using Airlock.Operator.Governance.Quarantine;

namespace Airlock.Operator.Tests.Governance;

public class LogSafeTests
{
    [Test]
    public void A_name_keeps_its_printable_ascii()
    {
        LogSafe.Text("agents/triage-4211.187a").Should().Be("agents/triage-4211.187a");
    }

    [Test]
    public void Line_breaks_and_terminal_escapes_are_escaped_so_no_log_line_can_be_forged()
    {
        LogSafe.Text("x\n2026-11-26 info: quarantine lifted\u001b[2K").Should().Be("x\\u000a2026-11-26 info: quarantine lifted\\u001b[2K");
    }

    [Test]
    public void A_long_value_is_cut_short()
    {
        LogSafe.Text(new string('a', 10_000)).Length.Should().BeLessThan(300);
    }
}
