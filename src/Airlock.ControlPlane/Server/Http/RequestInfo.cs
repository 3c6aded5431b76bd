using Airlock.ControlPlane.Auth;

namespace Airlock.ControlPlane.Server.Http;

/// <summary>What a request addresses, as the API server's RequestInfoFactory derives it from method and path.</summary>
public sealed record RequestInfo
{
    public required string Path { get; init; }

    public required string Verb { get; init; }

    public bool IsResourceRequest { get; init; }

    public string Group { get; init; } = "";

    public string Version { get; init; } = "";

    public string Resource { get; init; } = "";

    public string Subresource { get; init; } = "";

    /// <summary>The URL namespace; for <c>/api/v1/namespaces/x</c> it is <c>x</c> (as RBAC sees it).</summary>
    public string Namespace { get; init; } = "";

    public string Name { get; init; } = "";

    public AuthorizationAttributes ToAttributes(UserInfo user) => IsResourceRequest
        ? new AuthorizationAttributes(user, Verb, true, Path, Group, Version, Resource, Subresource, Namespace, Name)
        : new AuthorizationAttributes(user, Verb, false, Path);
}
