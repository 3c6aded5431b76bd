using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Patching;
using Airlock.ControlPlane.Server.Crds;
using Airlock.ControlPlane.Server.Http;
using Airlock.ControlPlane.Storage;

namespace Airlock.ControlPlane.Server.Endpoints;

/// <summary>PATCH of all four types, retried on write races it caused itself (the API server's GuaranteedUpdate).</summary>
public sealed class PatchEndpoint(ApiServices services, WritePipeline pipeline)
{
    private const int Attempts = 8;

    private readonly ApiServices _services = services;
    private readonly WritePipeline _pipeline = pipeline;

    public async Task PatchAsync(ApiRequest request)
    {
        var patchType = PatchTypeOf(request.Http.Request.ContentType);
        var type = request.Type;
        if (patchType == PatchType.StrategicMergePatch && type.IsCustom)
        {
            throw ApiError.UnsupportedMediaType("application/strategic-merge-patch+json");
        }
        var force = request.Query("force") is "true" or "1";
        if (patchType == PatchType.ApplyPatch && request.Query("fieldManager").Length == 0)
        {
            throw ApiError.Invalid("PatchOptions", "meta.k8s.io", "", [FieldError.Required("fieldManager") with { Message = "Required value: is required for apply patch" }]);
        }
        var body = await RequestBody.ReadAsync(request.Http.Request, request.Aborted);
        if (body.Length == 0) throw ApiError.BadRequest("the request body is empty; expected a patch");
        // managedFields of ordinary patches are recorded once, by the write pipeline after admission; apply records its own.
        var options = new PatchOptions(patchType == PatchType.ApplyPatch ? request.FieldManager : "", force,
            request.Subresource.Length > 0 ? request.Subresource : null);
        for (var attempt = 1; ; attempt++)
        {
            var current = _services.Store.GetSnapshot(type, request.Namespace, request.Name);
            if (current is null && patchType != PatchType.ApplyPatch) throw ApiError.NotFound(type.QualifiedResource, request.Name);
            var patched = _services.Patcher.Apply(type, current?.Object.DeepClone().AsObject(), patchType, body, options);
            var metadata = ObjectMeta.Metadata(patched);
            metadata["name"] = request.Name;
            if (request.Namespace is { } ns) metadata["namespace"] = ns;
            patched["apiVersion"] = type.ApiVersion;
            patched["kind"] = type.Kind;
            var tracked = patchType != PatchType.ApplyPatch;
            try
            {
                JsonObject stored;
                if (current is null)
                {
                    var created = await _pipeline.RunAsync(request, "CREATE", patched, null, [], o => _services.Store.PrepareForCreate(type, o), tracked);
                    stored = _services.Store.Create(type, created, new WriteOptions(request.DryRun, Prepared: true) { Owned = true });
                    if (CrdRegistrar.IsCrdType(type) && !request.DryRun) stored = _services.Crds.Sync(stored);
                    await request.RespondAsync(201, request.Present(stored));
                    return;
                }
                var requested = ObjectMeta.ResourceVersion(patched);
                var racedOnly = requested.Length == 0 || requested == ObjectMeta.ResourceVersion(current.Object);
                if (racedOnly) metadata["resourceVersion"] = ObjectMeta.ResourceVersion(current.Object);
                var ready = await _pipeline.RunAsync(request, "UPDATE", patched, current.Object, [], trackFields: tracked);
                try
                {
                    stored = _services.Store.Update(type, ready, new WriteOptions(request.DryRun, request.Subresource) { Owned = true });
                }
                catch (ApiError conflict) when (conflict.Reason == "Conflict" && racedOnly && attempt < Attempts)
                {
                    continue;
                }
                if (CrdRegistrar.IsCrdType(type) && !request.DryRun) stored = _services.Crds.Sync(stored);
                await request.RespondAsync(200, request.Present(stored));
                return;
            }
            catch (ApiError exists) when (exists.Reason == "AlreadyExists" && current is null && attempt < Attempts)
            {
                // Created by someone else between our read and our write: apply to it instead.
            }
        }
    }

    public static PatchType PatchTypeOf(string? contentType) => (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant() switch
    {
        "application/json-patch+json" => PatchType.JsonPatch,
        "application/merge-patch+json" => PatchType.MergePatch,
        "application/strategic-merge-patch+json" => PatchType.StrategicMergePatch,
        "application/apply-patch+yaml" or "application/apply-patch+cbor" => PatchType.ApplyPatch,
        var other => throw ApiError.UnsupportedMediaType(other),
    };
}
