using System.Runtime.CompilerServices;

namespace Airlock.Guardrails.Injection.Scanning;

/// <summary>A set of lexicon word ids as a fixed bitmap on the stack: which words a text contains.</summary>
internal struct WordSet
{
    public const int Capacity = Words.Length * 64;

    private Words _bits;

    public void Add(int id)
    {
        if (id is < 0 or >= Capacity) return;
        _bits[id >> 6] |= 1UL << (id & 63);
    }

    public readonly bool Contains(int id) => id is >= 0 and < Capacity && (_bits[id >> 6] & (1UL << (id & 63))) != 0;

    /// <summary>Whether any of the (word index, mask) pairs of a compiled group is set.</summary>
    public readonly bool Overlaps(ReadOnlySpan<(int Index, ulong Mask)> group)
    {
        foreach (var (index, mask) in group)
        {
            if ((_bits[index] & mask) != 0) return true;
        }
        return false;
    }

    [InlineArray(Length)]
    private struct Words
    {
        public const int Length = 64;
        private ulong _element;
    }
}
