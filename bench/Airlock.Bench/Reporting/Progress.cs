using System.Diagnostics;

namespace Airlock.Bench.Reporting;

/// <summary>Progress lines (prefixed with <c>#</c> and the elapsed time) so the final <c>key=value</c> block stands apart.</summary>
public sealed class Progress(TextWriter writer)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _lock = new();

    public static Progress Silent { get; } = new(TextWriter.Null);

    public void Say(string message)
    {
        lock (_lock) writer.WriteLine($"# [{_clock.Elapsed:mm\\:ss}] {message}");
    }
}
