namespace Airlock.Egress.Matching;

/// <summary>Whether the proxy may connect to one address.</summary>
public enum AddressVerdict
{
    /// <summary>A public address, or one a CIDR entry of the task allows.</summary>
    Allowed,

    /// <summary>Link-local or cloud metadata: never.</summary>
    AlwaysDenied,

    /// <summary>Loopback: the proxy's own host.</summary>
    Loopback,

    /// <summary>Pod, Service, private or reserved ranges.</summary>
    Internal,
}
