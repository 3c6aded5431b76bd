using System.Text;
using Airlock.Guardrails;

namespace Airlock.Gateway.Redaction;

/// <summary>Applies secret findings to one piece of a longer text, in the marker format of the audit log (<c>[REDACTED:type]</c>).</summary>
public static class SpanRedaction
{
    /// <summary>
    /// <paramref name="piece"/>, which starts at <paramref name="pieceStart"/> of the text the <paramref name="findings"/>
    /// (sorted, not overlapping) were made on, with every overlapping finding cut out. A finding's marker goes into the piece
    /// where it starts; a piece it only continues into loses the covered characters, unless <paramref name="markContinued"/>
    /// (for pieces rendered on their own, such as separate JSON strings). Null when no finding touches the piece.
    /// </summary>
    public static string? Apply(string piece, int pieceStart, IReadOnlyList<SecretFinding> findings, bool markContinued)
    {
        var pieceEnd = pieceStart + piece.Length;
        StringBuilder? builder = null;
        var position = pieceStart;
        foreach (var finding in findings)
        {
            if (finding.End <= pieceStart || finding.Start >= pieceEnd) continue;
            builder ??= new StringBuilder(piece.Length);
            var from = Math.Max(finding.Start, pieceStart);
            if (from > position) builder.Append(piece, position - pieceStart, from - position);
            if (finding.Start >= pieceStart || markContinued) builder.Append("[REDACTED:").Append(finding.Type).Append(']');
            position = Math.Max(position, Math.Min(finding.End, pieceEnd));
        }
        if (builder is null) return null;
        if (position < pieceEnd) builder.Append(piece, position - pieceStart, pieceEnd - position);
        return builder.ToString();
    }
}
