using System.Text.RegularExpressions;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Resources;

namespace Airlock.ControlPlane.Storage;

/// <summary>Object-name rules of the API server: DNS-1123 subdomains for most kinds, labels for namespaces, path segments for RBAC.</summary>
public static partial class NameValidation
{
    private const string SubdomainPattern = @"[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
    private const string LabelPattern = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";

    [GeneratedRegex("^" + SubdomainPattern + "$")]
    private static partial Regex Subdomain();

    [GeneratedRegex("^" + LabelPattern + "$")]
    private static partial Regex Label();

    /// <summary>The problems with <paramref name="name"/> for objects of <paramref name="type"/> (empty when valid).</summary>
    public static IReadOnlyList<FieldError> Check(ResourceType type, string name)
    {
        const string field = "metadata.name";
        if (type.Group == "rbac.authorization.k8s.io")
        {
            if (name is "." or ".." || name.Contains('/') || name.Contains('%'))
            {
                return [FieldError.Invalid(field, name, "may not be '.' or '..' and may not contain '/' or '%'")];
            }
            return [];
        }
        if (type.Resource == "namespaces" && type.Group.Length == 0)
        {
            if (name.Length > 63) return [FieldError.Invalid(field, name, "must be no more than 63 characters")];
            return Label().IsMatch(name) ? [] :
            [
                FieldError.Invalid(field, name, "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must " +
                    $"start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '{LabelPattern}')"),
            ];
        }
        if (name.Length > 253) return [FieldError.Invalid(field, name, "must be no more than 253 characters")];
        return Subdomain().IsMatch(name) ? [] :
        [
            FieldError.Invalid(field, name, "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and " +
                $"must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '{SubdomainPattern}')"),
        ];
    }
}
