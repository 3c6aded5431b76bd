namespace Airlock.Egress.Matching;

/// <summary>The reasons the proxy records for a refused attempt (stable strings: audit records and metrics use them).</summary>
public static class DenyReasons
{
    public const string UnknownSource = "unknown-source";
    public const string HostNotAllowed = "host-not-allowed";
    public const string PortNotAllowed = "port-not-allowed";
    public const string InvalidHost = "invalid-host";
    public const string IpLiteral = "ip-literal-not-allowed";
    public const string MetadataOrLinkLocal = "metadata-or-link-local";
    public const string ResolvesToLoopback = "resolves-to-loopback";
    public const string ResolvesToInternal = "resolves-to-internal-range";
    public const string ResolvesToForbidden = "resolves-to-metadata-or-link-local";
    public const string DoesNotResolve = "does-not-resolve";
    public const string BadRequest = "bad-request";
    public const string ConnectionLimit = "connection-limit";
    public const string ByteLimit = "byte-limit";
    public const string Unauthenticated = "unauthenticated";
    public const string Forbidden = "forbidden";
    public const string DebugClosed = "debug-window-closed";
}
