using System.Text.RegularExpressions;

namespace Airlock.ControlPlane.Schema.Crd;

/// <summary>DNS-1035 labels and RFC 1123 subdomains with the API server's messages.</summary>
public static partial class DnsNames
{
    public const string Dns1035LabelMessage =
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

    public const string Dns1123SubdomainMessage =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    /// <summary>Problems with <paramref name="value"/> as a DNS-1035 label; empty when it is one.</summary>
    public static IReadOnlyList<string> Dns1035Label(string value)
    {
        var problems = new List<string>();
        if (value.Length > 63)
        {
            problems.Add("must be no more than 63 characters");
        }
        if (!Label1035().IsMatch(value))
        {
            problems.Add(Dns1035LabelMessage);
        }
        return problems;
    }

    public static IReadOnlyList<string> Dns1123Subdomain(string value)
    {
        var problems = new List<string>();
        if (value.Length > 253)
        {
            problems.Add("must be no more than 253 characters");
        }
        if (!Subdomain1123().IsMatch(value))
        {
            problems.Add(Dns1123SubdomainMessage);
        }
        return problems;
    }

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Label1035();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Subdomain1123();
}
