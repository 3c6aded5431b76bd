using System.Globalization;
using System.Text;

namespace Airlock.Operator.Governance.Quarantine;

/// <summary>
/// Text from an object anyone may write (an Event's names, its component), made safe for a log line: printable ASCII
/// stays, everything else (line breaks, terminal escapes, look-alike letters) becomes <c>\uXXXX</c>, and it is cut short.
/// </summary>
public static class LogSafe
{
    private const int MaxLength = 253;

    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var text = new StringBuilder(Math.Min(value.Length, MaxLength) + 8);
        foreach (var c in value)
        {
            if (text.Length >= MaxLength)
            {
                text.Append('…');
                break;
            }
            if (c is >= ' ' and <= '~' && c != '\\') text.Append(c);
            else text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }
}
