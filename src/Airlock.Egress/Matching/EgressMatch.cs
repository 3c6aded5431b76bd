namespace Airlock.Egress.Matching;

/// <summary>Why the allowlist said yes or no to a host and port.</summary>
public enum EgressMatch
{
    Allowed,
    HostNotListed,
    PortNotListed,
    InvalidHost,
}
