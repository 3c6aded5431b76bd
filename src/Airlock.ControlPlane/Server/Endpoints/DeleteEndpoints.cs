using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Resources;
using Airlock.ControlPlane.Server.Http;
using Airlock.ControlPlane.Storage;

namespace Airlock.ControlPlane.Server.Endpoints;

/// <summary>DELETE of one object (with DeleteOptions: preconditions, propagationPolicy, dryRun) and deletecollection.</summary>
public sealed class DeleteEndpoints(ApiServices services, WritePipeline pipeline)
{
    private readonly ApiServices _services = services;
    private readonly WritePipeline _pipeline = pipeline;

    public async Task DeleteAsync(ApiRequest request)
    {
        var options = await ReadOptionsAsync(request);
        var current = _services.Store.GetSnapshot(request.Type, request.Namespace, request.Name)
            ?? throw ApiError.NotFound(request.Type.QualifiedResource, request.Name);
        await _pipeline.AdmitDeleteAsync(request, current.Object);
        var result = _services.Store.Delete(request.Type, request.Namespace, request.Name, options);
        if (result.Removed && !ReturnsDeletedObject(request.Type))
        {
            var obj = result.Object;
            await request.RespondAsync(200, ResponseWriter.Success(ObjectMeta.Name(obj), request.Type.Group, request.Type.Resource, ObjectMeta.Uid(obj)));
            return;
        }
        await request.RespondAsync(200, request.Present(result.Object));
    }

    public async Task DeleteCollectionAsync(ApiRequest request)
    {
        var options = await ReadOptionsAsync(request);
        var list = _services.Store.ListPage(request.Type, request.Namespace, ReadEndpoints.ListOptionsOf(request) with { Limit = 0, Continue = null });
        var deleted = new JsonArray();
        foreach (var item in list.Items)
        {
            try
            {
                await _pipeline.AdmitDeleteAsync(request, item);
                var result = _services.Store.Delete(request.Type, ObjectMeta.Namespace(item), ObjectMeta.Name(item),
                    options with { PreconditionUid = ObjectMeta.Uid(item) });
                deleted.Add(request.Present(result.Object).DeepClone());
            }
            catch (ApiError e) when (e.Code is 404 or 409)
            {
                // Deleted or replaced concurrently: not ours to delete any more.
            }
        }
        await request.RespondAsync(200, new JsonObject
        {
            ["kind"] = request.Type.ListKind,
            ["apiVersion"] = request.Type.ApiVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = _services.Store.CurrentRevision.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ["items"] = deleted,
        });
    }

    /// <summary>Pods and custom resources answer a delete with the deleted object; other kinds with a Status (as the API server's stores do).</summary>
    private static bool ReturnsDeletedObject(ResourceType type) => type.IsCustom || (type.Group.Length == 0 && type.Resource is "pods" or "services");

    private static async Task<DeleteOptions> ReadOptionsAsync(ApiRequest request)
    {
        var body = await RequestBody.ReadAsync(request.Http.Request, request.Aborted);
        JsonObject? json = null;
        if (body.Length > 0) json = RequestBody.DecodeObject(body, request.Http.Request.ContentType, []);
        var policy = request.Query("propagationPolicy") is { Length: > 0 } q ? q : ObjectMeta.Str(json, "propagationPolicy") ?? "";
        if (policy.Length == 0 && json?["orphanDependents"] is JsonValue orphan && orphan.TryGetValue<bool>(out var o) && o) policy = "Orphan";
        var propagation = policy switch
        {
            "" or "Background" => PropagationPolicy.Background,
            "Foreground" => PropagationPolicy.Foreground,
            "Orphan" => PropagationPolicy.Orphan,
            _ => throw ApiError.BadRequest($"propagationPolicy: Unsupported value: \"{policy}\": supported values: \"Background\", \"Foreground\", \"Orphan\""),
        };
        var preconditions = json?["preconditions"] as JsonObject;
        var dryRun = request.DryRun || (json?["dryRun"] as JsonArray)?.Any(d => ObjectMeta.ScalarText(d) == "All") == true;
        return new DeleteOptions
        {
            Propagation = propagation,
            PreconditionUid = ObjectMeta.Str(preconditions, "uid"),
            PreconditionResourceVersion = ObjectMeta.Str(preconditions, "resourceVersion"),
            DryRun = dryRun,
        };
    }
}
