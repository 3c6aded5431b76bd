using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Auth;
using Airlock.ControlPlane.Resources;
using Airlock.ControlPlane.Server.Http;
using Microsoft.AspNetCore.Http;

namespace Airlock.ControlPlane.Server.Endpoints;

/// <summary>Routes a resource request (already authorised) to the handler for its verb and subresource.</summary>
public sealed class ResourceEndpoints
{
    private readonly ApiServices _services;
    private readonly ReadEndpoints _reads;
    private readonly WatchEndpoint _watch;
    private readonly WriteEndpoints _writes;
    private readonly PatchEndpoint _patch;
    private readonly DeleteEndpoints _deletes;
    private readonly SpecialEndpoints _special;

    public ResourceEndpoints(ApiServices services)
    {
        _services = services;
        var pipeline = new WritePipeline(services);
        _reads = new ReadEndpoints(services);
        _watch = new WatchEndpoint(services);
        _writes = new WriteEndpoints(services, pipeline);
        _patch = new PatchEndpoint(services, pipeline);
        _deletes = new DeleteEndpoints(services, pipeline);
        _special = new SpecialEndpoints(services);
    }

    public Task HandleAsync(HttpContext http, RequestInfo info, UserInfo user)
    {
        var type = _services.Registry.Find(info.Group, info.Version, info.Resource) ?? throw NotFound();
        if (!type.Namespaced && info.Namespace.Length > 0 && !IsNamespaceItself(type)) throw NotFound();
        if (type.Namespaced && info.Namespace.Length == 0 && info.Name.Length > 0) throw NotFound();
        if (info.Subresource.Length > 0 && !type.HasSubresource(info.Subresource)) throw NotFound();
        var request = new ApiRequest(http, info, user, type);
        if (type.IsVirtual)
        {
            return info.Verb == "create" && info.Name.Length == 0 ? _special.CreateVirtualAsync(request) : throw NotAllowed(info);
        }
        return (info.Verb, info.Subresource) switch
        {
            ("create", "token") when type.Resource == "serviceaccounts" => _special.CreateTokenAsync(request),
            ("create", "binding") when type.Resource == "pods" => _special.BindAsync(request),
            ("create", "eviction") when type.Resource == "pods" => _special.EvictAsync(request),
            ("create", "") when info.Name.Length == 0 => _writes.CreateAsync(request),
            ("get", "" or "status") => _reads.GetAsync(request),
            ("list", "") => _reads.ListAsync(request),
            ("watch", "") => _watch.WatchAsync(request),
            ("update", "" or "status") => _writes.UpdateAsync(request),
            ("patch", "" or "status") => _patch.PatchAsync(request),
            ("delete", "") => _deletes.DeleteAsync(request),
            ("deletecollection", "") => _deletes.DeleteCollectionAsync(request),
            _ => throw NotAllowed(info),
        };
    }

    private static bool IsNamespaceItself(ResourceType type) => type.Group.Length == 0 && type.Resource == "namespaces";

    public static ApiError NotFound() => new(404, "NotFound", "the server could not find the requested resource", new StatusDetails(null, null, null));

    private static ApiError NotAllowed(RequestInfo info) =>
        ApiError.MethodNotAllowed($"the server does not allow this method on the requested resource ({info.Verb} {info.Resource}" +
            (info.Subresource.Length > 0 ? $"/{info.Subresource}" : "") + ")");
}
