namespace Airlock.Guardrails.Injection.Learned;

/// <summary>
/// A long text is read in overlapping windows, each scored on its own, so an instruction buried in a long retrieved
/// document is not diluted by the pages around it. Short texts are one window.
/// </summary>
internal static class LearnedWindows
{
    public const int Size = 256;
    public const int Stride = 128;

    public static int Count(int length) => length <= Size ? 1 : 1 + (((length - Size) + Stride - 1) / Stride);

    /// <summary>The <paramref name="index"/>th window of a text of <paramref name="length"/> characters; the last one ends with the text.</summary>
    public static Range Get(int index, int length)
    {
        if (length <= Size) return 0..length;
        var start = Math.Min(index * Stride, length - Size);
        return start..(start + Size);
    }
}
