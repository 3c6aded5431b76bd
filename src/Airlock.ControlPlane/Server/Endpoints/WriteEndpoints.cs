using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Server.Crds;
using Airlock.ControlPlane.Server.Http;
using Airlock.ControlPlane.Storage;

namespace Airlock.ControlPlane.Server.Endpoints;

/// <summary>POST (create) and PUT (update, also of <c>/status</c>).</summary>
public sealed class WriteEndpoints(ApiServices services, WritePipeline pipeline)
{
    private readonly ApiServices _services = services;
    private readonly WritePipeline _pipeline = pipeline;

    public async Task CreateAsync(ApiRequest request)
    {
        var (obj, duplicates) = await ReadObjectAsync(request);
        var type = request.Type;
        if (CrdRegistrar.IsCrdType(type))
        {
            CheckCrd(obj);
            CrdRegistrar.PrepareForCreate(obj);
        }
        var ready = await _pipeline.RunAsync(request, "CREATE", obj, null, duplicates, o => _services.Store.PrepareForCreate(type, o));
        var stored = _services.Store.Create(type, ready, new WriteOptions(request.DryRun, Prepared: true) { Owned = true });
        if (CrdRegistrar.IsCrdType(type) && !request.DryRun) stored = _services.Crds.Sync(stored);
        await request.RespondAsync(201, request.Present(stored));
    }

    public async Task UpdateAsync(ApiRequest request)
    {
        var (obj, duplicates) = await ReadObjectAsync(request);
        var type = request.Type;
        var bodyName = ObjectMeta.Name(obj);
        if (bodyName.Length == 0) ObjectMeta.Metadata(obj)["name"] = request.Name;
        else if (bodyName != request.Name)
        {
            throw ApiError.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({request.Name})");
        }
        var current = _services.Store.GetSnapshot(type, request.Namespace, request.Name) ?? throw ApiError.NotFound(type.QualifiedResource, request.Name);
        if (CrdRegistrar.IsCrdType(type) && request.Subresource.Length == 0) CheckCrd(obj);
        var ready = await _pipeline.RunAsync(request, "UPDATE", obj, current.Object, duplicates);
        var stored = _services.Store.Update(type, ready, new WriteOptions(request.DryRun, request.Subresource) { Owned = true });
        if (CrdRegistrar.IsCrdType(type) && !request.DryRun) stored = _services.Crds.Sync(stored);
        await request.RespondAsync(200, request.Present(stored));
    }

    private void CheckCrd(JsonObject crd)
    {
        var errors = _services.Schema.ValidateCustomResourceDefinition(crd);
        if (errors.Count > 0) throw ApiError.Invalid("CustomResourceDefinition", "apiextensions.k8s.io", ObjectMeta.Name(crd), errors);
    }

    /// <summary>Reads and decodes the body, checks its kind against the URL and fills in the namespace.</summary>
    public static async Task<(JsonObject Object, List<string> Duplicates)> ReadObjectAsync(ApiRequest request)
    {
        var body = await RequestBody.ReadAsync(request.Http.Request, request.Aborted);
        var duplicates = new List<string>();
        var obj = RequestBody.DecodeObject(body, request.Http.Request.ContentType, duplicates);
        CheckKind(request, obj);
        if (request.Namespace is { } ns)
        {
            var bodyNamespace = ObjectMeta.Namespace(obj);
            if (bodyNamespace is not null && bodyNamespace != ns)
            {
                throw ApiError.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
            }
            ObjectMeta.Metadata(obj)["namespace"] = ns;
        }
        return (obj, duplicates);
    }

    private static void CheckKind(ApiRequest request, JsonObject obj)
    {
        var type = request.Type;
        var apiVersion = ObjectMeta.Str(obj, "apiVersion") ?? "";
        var kind = ObjectMeta.Str(obj, "kind") ?? "";
        var group = apiVersion.Contains('/') ? apiVersion[..apiVersion.IndexOf('/')] : "";
        if (apiVersion.Length > 0 && group != type.Group)
        {
            throw ApiError.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({type.ApiVersion})");
        }
        if (kind.Length > 0 && kind != type.Kind)
        {
            throw ApiError.BadRequest($"{type.Kind} in version \"{type.Version}\" cannot be handled as a {type.Kind}: the object provided is of kind {kind}");
        }
        obj["apiVersion"] = type.ApiVersion;
        obj["kind"] = type.Kind;
    }
}
