using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;

namespace Airlock.ControlPlane.Storage.Selection;

/// <summary>A parsed field selector (<c>metadata.name=x,status.phase!=Running</c>) over dotted paths of the object.</summary>
public sealed class FieldSelector
{
    private readonly IReadOnlyList<(string Path, bool Equal, string Value)> _terms;

    private FieldSelector(IReadOnlyList<(string, bool, string)> terms) => _terms = terms;

    public static FieldSelector Everything { get; } = new([]);

    public bool IsEmpty => _terms.Count == 0;

    /// <summary>Parses the <c>fieldSelector</c> query parameter; throws 400 BadRequest for a malformed one.</summary>
    public static FieldSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Everything;
        var terms = new List<(string, bool, string)>();
        foreach (var raw in text.Split(','))
        {
            var part = raw.Trim();
            var (at, length, equal) = part.IndexOf("!=", StringComparison.Ordinal) is >= 0 and var ne ? (ne, 2, false)
                : part.IndexOf("==", StringComparison.Ordinal) is >= 0 and var ee ? (ee, 2, true)
                : (part.IndexOf('=', StringComparison.Ordinal), 1, true);
            if (at <= 0) throw ApiError.BadRequest($"invalid field selector: \"{part}\": expected an operator (=, == or !=)");
            terms.Add((part[..at].Trim(), equal, part[(at + length)..].Trim()));
        }
        return new FieldSelector(terms);
    }

    public bool Matches(JsonObject obj)
    {
        foreach (var (path, equal, value) in _terms)
        {
            var actual = ObjectMeta.ScalarText(ObjectMeta.AtPath(obj, path)) ?? "";
            if ((actual == value) != equal) return false;
        }
        return true;
    }

    /// <summary>The name an equality term on <c>metadata.name</c> pins, if any (lets a watch of one object stay cheap).</summary>
    public string? PinnedName => _terms.FirstOrDefault(t => t.Path == "metadata.name" && t.Equal).Value;
}
