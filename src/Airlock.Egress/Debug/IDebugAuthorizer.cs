namespace Airlock.Egress.Debug;

/// <summary>Checks a user's own Kubernetes bearer token for the right to debug one task.</summary>
public interface IDebugAuthorizer
{
    Task<DebugAuthorization> AuthorizeAsync(string bearerToken, string @namespace, string task, CancellationToken cancellationToken);
}
