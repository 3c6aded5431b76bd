namespace Airlock.Egress.Resolution;

/// <summary>Resolves a normalised host name once; the proxy connects only to an address it checked from this answer.</summary>
public interface IHostResolver
{
    /// <summary>The addresses of <paramref name="host"/>; an empty list when it does not resolve.</summary>
    Task<ResolvedHost> ResolveAsync(string host, CancellationToken cancellationToken);
}
