using System.Globalization;
using System.Text.RegularExpressions;

namespace Airlock.ControlPlane.Resources;

/// <summary>Kubernetes version priority: GA before beta before alpha, higher numbers first, anything else last alphabetically.</summary>
public sealed partial class KubeVersionComparer : IComparer<string>
{
    public static readonly KubeVersionComparer Instance = new();

    [GeneratedRegex(@"^v(\d+)(?:(alpha|beta)(\d+))?$")]
    private static partial Regex KubeVersion();

    public int Compare(string? x, string? y)
    {
        var (rx, ry) = (Rank(x ?? ""), Rank(y ?? ""));
        var byRank = rx.CompareTo(ry);
        return byRank != 0 ? byRank : string.CompareOrdinal(x, y);
    }

    private static (int Level, int Major, int Minor) RankTuple(string v)
    {
        var m = KubeVersion().Match(v);
        if (!m.Success) return (3, 0, 0);
        var major = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var level = m.Groups[2].Value switch { "" => 0, "beta" => 1, _ => 2 };
        var minor = m.Groups[3].Success && m.Groups[3].Length > 0 ? int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) : 0;
        return (level, -major, -minor);
    }

    private static long Rank(string v)
    {
        var (level, major, minor) = RankTuple(v);
        return (level * 1_000_000L) + ((major + 10_000) * 100L) + (minor + 99);
    }
}
