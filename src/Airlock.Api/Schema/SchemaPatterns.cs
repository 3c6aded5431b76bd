namespace Airlock.Api.Schema;

/// <summary>Regular expressions shared by the CRD schema and the offline validator.</summary>
public static class SchemaPatterns
{
    /// <summary>A Go <c>time.Duration</c> without sign: <c>90s</c>, <c>1h30m</c>, <c>1.5h</c>.</summary>
    public const string GoDuration = @"^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$";

    /// <summary>A Kubernetes resource quantity (<c>500m</c>, <c>2Gi</c>, <c>1e3</c>), as apimachinery parses it.</summary>
    public const string Quantity = @"^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$";

    /// <summary>A DNS-1123 subdomain (object names, runtime class names).</summary>
    public const string Dns1123Subdomain = @"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

    /// <summary>An environment variable name as the API server accepts it.</summary>
    public const string EnvVarName = @"^[-._a-zA-Z][-._a-zA-Z0-9]*$";
}
