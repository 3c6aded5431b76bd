using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Server.Discovery;
using Airlock.ControlPlane.Server.Http;
using Microsoft.AspNetCore.Http;

namespace Airlock.ControlPlane.Server.Endpoints;

/// <summary>Discovery, <c>/version</c>, OpenAPI and the debug counters.</summary>
public sealed class NonResourceEndpoints(ApiServices services)
{
    /// <summary>JSON request counters (verb, resource, user).</summary>
    public const string CountersPath = "/debug/airlock/requests";

    private readonly ApiServices _services = services;
    private readonly OpenApiV2Endpoint _openApiV2 = new(services);

    public Task HandleAsync(HttpContext http, RequestInfo info)
    {
        if (info.Verb is not ("get" or "head")) throw ApiError.MethodNotAllowed($"the server does not allow this method on the requested resource ({info.Path})");
        var path = info.Path.TrimEnd('/');
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts is ["openapi", "v2"]) return _openApiV2.HandleAsync(http);
        JsonObject? body = parts switch
        {
            ["api"] => DiscoveryDocuments.ApiVersions(_services.ServerAddress),
            ["apis"] => DiscoveryDocuments.GroupList(_services.Registry),
            ["api", var v] => DiscoveryDocuments.ResourceList(_services.Registry, "", v),
            ["apis", var g] => DiscoveryDocuments.Group(_services.Registry, g),
            ["apis", var g, var v] => DiscoveryDocuments.ResourceList(_services.Registry, g, v),
            ["version"] => DiscoveryDocuments.Version(),
            ["openapi", "v3"] => _services.Schema.OpenApiV3Index(_services.Registry.All),
            ["openapi", "v3", .. var rest] when rest.Length > 0 => _services.Schema.OpenApiV3Document(string.Join('/', rest), _services.Registry.All),
            ["debug", "airlock", "requests"] => _services.Counters.ToJson(),
            _ => null,
        };
        if (body is null) throw ResourceEndpoints.NotFound();
        return ResponseWriter.WriteJsonAsync(http.Response, 200, body, http.RequestAborted);
    }
}
