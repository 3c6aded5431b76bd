using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Airlock.ControlPlane.Resources;
using Airlock.ControlPlane.Schema;

namespace Airlock.ControlPlane.Tests.Schema;

/// <summary>
/// A loopback HTTP stub with just enough of an API server for kubectl's explain and apply: legacy discovery, the OpenAPI v3
/// documents from <see cref="SchemaService"/>, 404 on GET of objects and an echoing POST. Records every request line.
/// </summary>
public sealed class DiscoveryStub : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly IReadOnlyList<ResourceType> _served;
    private readonly SchemaService _schemas = new();
    private readonly Task _loop;

    public DiscoveryStub(IReadOnlyList<ResourceType> served)
    {
        _served = served;
        var port = FreePort();
        Url = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Url + "/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Url { get; }

    /// <summary><c>METHOD /path?query</c> of every request received.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            var request = context.Request;
            Requests.Enqueue($"{request.HttpMethod} {request.Url!.PathAndQuery}");
            using var reader = new StreamReader(request.InputStream);
            var body = await reader.ReadToEndAsync();
            var (status, response) = Answer(request.HttpMethod, request.Url.AbsolutePath, body);
            var bytes = Encoding.UTF8.GetBytes(response.ToJsonString());
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private (int Status, JsonNode Body) Answer(string method, string path, string body)
    {
        if (method == "POST")
        {
            return (201, JsonNode.Parse(body)!);
        }
        if (path == "/openapi/v3")
        {
            return (200, _schemas.OpenApiV3Index(_served));
        }
        if (path.StartsWith("/openapi/v3/", StringComparison.Ordinal)
            && _schemas.OpenApiV3Document(path["/openapi/v3/".Length..], _served) is { } document)
        {
            return (200, document);
        }
        if (path == "/api")
        {
            return (200, new JsonObject { ["kind"] = "APIVersions", ["versions"] = new JsonArray("v1") });
        }
        if (path == "/apis")
        {
            return (200, GroupList());
        }
        var resources = _served.Where(t => (t.Group.Length == 0 ? $"/api/{t.Version}" : $"/apis/{t.Group}/{t.Version}") == path).ToList();
        if (resources.Count > 0)
        {
            return (200, ResourceList(path, resources));
        }
        return (404, new JsonObject { ["kind"] = "Status", ["apiVersion"] = "v1", ["status"] = "Failure", ["reason"] = "NotFound", ["code"] = 404 });
    }

    private JsonObject GroupList()
    {
        var groups = new JsonArray();
        foreach (var group in _served.Where(t => t.Group.Length > 0).GroupBy(t => t.Group))
        {
            var versions = group.Select(t => t.Version).Distinct()
                .Select(v => (JsonNode)new JsonObject { ["groupVersion"] = $"{group.Key}/{v}", ["version"] = v }).ToArray();
            groups.Add(new JsonObject
            {
                ["name"] = group.Key,
                ["versions"] = new JsonArray(versions),
                ["preferredVersion"] = versions[0].DeepClone(),
            });
        }
        return new JsonObject { ["kind"] = "APIGroupList", ["apiVersion"] = "v1", ["groups"] = groups };
    }

    private static JsonObject ResourceList(string path, List<ResourceType> resources) => new()
    {
        ["kind"] = "APIResourceList",
        ["apiVersion"] = "v1",
        ["groupVersion"] = resources[0].GroupVersion,
        ["resources"] = new JsonArray(resources.Select(t => (JsonNode)new JsonObject
        {
            ["name"] = t.Resource,
            ["singularName"] = t.Singular,
            ["namespaced"] = t.Namespaced,
            ["kind"] = t.Kind,
            ["verbs"] = new JsonArray(t.Verbs.Select(v => (JsonNode)JsonValue.Create(v)).ToArray()),
            ["shortNames"] = new JsonArray(t.ShortNames.Select(v => (JsonNode)JsonValue.Create(v)).ToArray()),
        }).ToArray()),
    };
}
