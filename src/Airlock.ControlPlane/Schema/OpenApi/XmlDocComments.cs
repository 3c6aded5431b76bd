using System.Text;
using System.Xml.Linq;

namespace Airlock.ControlPlane.Schema.OpenApi;

/// <summary>
/// Summaries from an assembly's XML documentation file (<c>KubernetesClient.xml</c>, copied beside the assembly by
/// <c>CopyDocumentationFilesFromPackages</c>). Without the file every lookup is null: schemas just lack descriptions.
/// </summary>
public sealed class XmlDocComments
{
    private readonly Lazy<IReadOnlyDictionary<string, string>> _summaries;

    public XmlDocComments(string? xmlPath) => _summaries = new(() => Load(xmlPath));

    /// <summary>Documentation of the assembly that defines <paramref name="type"/>, from the XML file beside it.</summary>
    public static XmlDocComments For(Type type)
    {
        var location = type.Assembly.Location;
        return new XmlDocComments(string.IsNullOrEmpty(location) ? null : Path.ChangeExtension(location, ".xml"));
    }

    public string? ForType(Type type) => Lookup("T:" + type.FullName);

    public string? ForProperty(Type declaring, string propertyName) => Lookup($"P:{declaring.FullName}.{propertyName}");

    private string? Lookup(string member) => _summaries.Value.TryGetValue(member, out var s) ? s : null;

    private static Dictionary<string, string> Load(string? xmlPath)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (xmlPath is null || !File.Exists(xmlPath))
        {
            return result;
        }
        try
        {
            var doc = XDocument.Load(xmlPath);
            foreach (var member in doc.Descendants("member"))
            {
                var name = member.Attribute("name")?.Value;
                var summary = member.Element("summary")?.Value;
                if (name is not null && !string.IsNullOrWhiteSpace(summary))
                {
                    result[name] = Normalize(summary);
                }
            }
        }
        catch (System.Xml.XmlException)
        {
            result.Clear();
        }
        return result;
    }

    // The generator wraps lines at ~80 columns; rejoin them, keeping blank lines as paragraph breaks.
    private static string Normalize(string summary)
    {
        var sb = new StringBuilder();
        var pendingBreak = false;
        foreach (var raw in summary.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                pendingBreak = sb.Length > 0;
                continue;
            }
            if (sb.Length > 0)
            {
                sb.Append(pendingBreak ? "\n\n" : " ");
            }
            sb.Append(line);
            pendingBreak = false;
        }
        return sb.ToString();
    }
}
