using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Auth;
using Airlock.ControlPlane.Resources;
using Airlock.ControlPlane.Server.Http;
using Airlock.ControlPlane.Storage;
using Microsoft.AspNetCore.Http;

namespace Airlock.ControlPlane.Server.Endpoints;

/// <summary>One authenticated, authorised resource request and the served type it addresses.</summary>
public sealed class ApiRequest(HttpContext http, RequestInfo info, UserInfo user, ResourceType type)
{
    public HttpContext Http { get; } = http;

    public RequestInfo Info { get; } = info;

    public UserInfo User { get; } = user;

    public ResourceType Type { get; } = type;

    /// <summary>The store namespace: null for cluster-scoped kinds (including namespaces themselves) and cross-namespace lists.</summary>
    public string? Namespace => Type.Namespaced && Info.Namespace.Length > 0 ? Info.Namespace : null;

    public string Name => Info.Name;

    public string Subresource => Info.Subresource;

    public CancellationToken Aborted => Http.RequestAborted;

    /// <summary>Warnings collected while handling the request, sent as <c>Warning</c> headers.</summary>
    public List<string> Warnings { get; } = [];

    public string Query(string key) => Http.Request.Query[key].ToString();

    public bool DryRun => Http.Request.Query["dryRun"].Contains("All");

    /// <summary>The <c>fieldManager</c> parameter, or one derived from the User-Agent as the API server does.</summary>
    public string FieldManager
    {
        get
        {
            var manager = Query("fieldManager");
            if (manager.Length > 128) throw ApiError.BadRequest("fieldManager: Too long: may not be longer than 128 characters");
            if (manager.Length > 0) return manager;
            var agent = Http.Request.Headers.UserAgent.ToString();
            var slash = agent.IndexOf('/', StringComparison.Ordinal);
            return (slash > 0 ? agent[..slash] : agent) is { Length: > 0 } derived ? derived : "unknown";
        }
    }

    /// <summary>Rewrites a stored object's apiVersion to the version this request addresses (objects are served in every version).</summary>
    public JsonObject Present(JsonObject stored)
    {
        if (ObjectMeta.Str(stored, "apiVersion") == Type.ApiVersion) return stored;
        var copy = stored.DeepClone().AsObject();
        copy["apiVersion"] = Type.ApiVersion;
        return copy;
    }

    public Task RespondAsync(int status, JsonObject body)
    {
        ResponseWriter.AddWarnings(Http.Response, Warnings);
        return ResponseWriter.WriteJsonAsync(Http.Response, status, body, Aborted);
    }
}
