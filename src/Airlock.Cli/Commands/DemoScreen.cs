namespace Airlock.Cli.Commands;

/// <summary>Prints the demo's screens: a title per step, indented facts, and a check mark (or cross) per expectation.</summary>
internal sealed class DemoScreen(TextWriter output)
{
    private readonly DateTime _started = DateTime.UtcNow;

    public void Title(int number, int total, string title)
    {
        output.WriteLine();
        output.WriteLine($"━━ [{number}/{total}] {title} ━━");
    }

    public void Line(string text) => output.WriteLine("  " + text);

    public void Block(string text)
    {
        foreach (var line in text.TrimEnd().Split('\n')) output.WriteLine("    " + line.TrimEnd('\r'));
    }

    /// <summary>A line stamped with the seconds since the demo started, at <paramref name="at"/> (when it happened).</summary>
    public void Event(DateTime at, string text) => output.WriteLine($"  {(at - _started).TotalSeconds,6:0.0}s  {text}");

    /// <summary>Prints the expectation and throws when it does not hold.</summary>
    public void Check(bool ok, string expectation, string? actual = null)
    {
        output.WriteLine(ok ? $"  ✔ {expectation}" : $"  ✘ {expectation}{(actual is null ? "" : $" (saw: {actual})")}");
        if (!ok) throw new DemoStepException(expectation + (actual is null ? "" : $" (saw: {actual})"));
    }
}
