using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Auth;
using Airlock.ControlPlane.Server.Endpoints;
using Airlock.ControlPlane.Server.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Airlock.ControlPlane.Server;

/// <summary>
/// The request pipeline: health endpoints, then authentication (bearer token), impersonation, request counting and test
/// knobs, authorization, and dispatch. Every failure leaves as a <c>kind: Status</c> body.
/// </summary>
public sealed partial class ApiServer
{
    private readonly ApiServices _services;
    private readonly ResourceEndpoints _resources;
    private readonly NonResourceEndpoints _nonResources;
    private readonly ILogger _logger;

    public ApiServer(ApiServices services, ILogger logger)
    {
        _services = services;
        _resources = new ResourceEndpoints(services);
        _nonResources = new NonResourceEndpoints(services);
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext http)
    {
        try
        {
            var path = http.Request.Path.Value ?? "/";
            if (path is "/healthz" or "/livez" or "/readyz" || path.StartsWith("/healthz/", StringComparison.Ordinal)
                || path.StartsWith("/livez/", StringComparison.Ordinal) || path.StartsWith("/readyz/", StringComparison.Ordinal))
            {
                http.Response.ContentType = "text/plain; charset=utf-8";
                await http.Response.WriteAsync("ok", http.RequestAborted);
                return;
            }
            var requester = Authenticate(http.Request) ?? throw ApiError.Unauthorized();
            var user = Impersonation.Resolve(requester, ImpersonationHeaders(http.Request), _services.Authorizer);
            var info = RequestInfoParser.Parse(http.Request.Method, path, http.Request.Query["watch"] is var w && (w == "1" || w == "true"));
            _services.Counters.Count(info.Verb, info.IsResourceRequest ? ResourceLabel(info) : path, user.Name);
            await _services.Knobs.ApplyAsync(info.Verb, info.Resource, info.Name, http.RequestAborted);
            var attributes = info.ToAttributes(user);
            var decision = _services.Authorizer.Authorize(attributes);
            if (!decision.Allowed)
            {
                throw new ApiError(403, "Forbidden", ForbiddenMessage.For(attributes, decision.Reason),
                    info.IsResourceRequest ? new StatusDetails(info.Name.Length > 0 ? info.Name : null, info.Group, info.Resource) : null);
            }
            if (info.IsResourceRequest) await _resources.HandleAsync(http, info, user);
            else await _nonResources.HandleAsync(http, info);
        }
        catch (ApiError e)
        {
            if (!http.Response.HasStarted) await ResponseWriter.WriteStatusAsync(http.Response, e);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (Exception e)
        {
            LogUnhandled(_logger, http.Request.Method, http.Request.Path, e);
            if (!http.Response.HasStarted) await ResponseWriter.WriteStatusAsync(http.Response, ApiError.Internal($"an error on the server (\"{e.Message}\") has prevented the request from succeeding"));
        }
    }

    private UserInfo? Authenticate(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return null;
        var token = header[prefix.Length..].Trim();
        return token.Length == 0 ? null : _services.Authenticator.AuthenticateBearer(token);
    }

    private static Dictionary<string, IReadOnlyList<string>> ImpersonationHeaders(HttpRequest request) =>
        request.Headers.Where(h => h.Key.StartsWith("Impersonate-", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key, h => (IReadOnlyList<string>)h.Value.Select(v => v ?? "").ToList(), StringComparer.OrdinalIgnoreCase);

    private static string ResourceLabel(RequestInfo info)
    {
        var resource = info.Group.Length == 0 ? info.Resource : $"{info.Resource}.{info.Group}";
        return info.Subresource.Length > 0 ? $"{resource}/{info.Subresource}" : resource;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "unhandled error serving {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, string method, PathString path, Exception exception);
}
