using System.Net;

namespace Airlock.Egress.Resolution;

/// <summary>The addresses a name resolved to, and whether they came from the operator's override map rather than DNS.</summary>
public sealed record ResolvedHost(IReadOnlyList<IPAddress> Addresses, bool FromOverride);
