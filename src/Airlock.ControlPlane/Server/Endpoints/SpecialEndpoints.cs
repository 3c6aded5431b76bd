using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Resources;
using Airlock.ControlPlane.Server.Http;
using Airlock.ControlPlane.Storage;

namespace Airlock.ControlPlane.Server.Endpoints;

/// <summary>
/// Create-only virtual kinds (TokenReview, the access reviews, SelfSubjectReview) and the POST subresources
/// <c>serviceaccounts/token</c>, <c>pods/binding</c> and <c>pods/eviction</c>.
/// </summary>
public sealed class SpecialEndpoints(ApiServices services)
{
    private readonly ApiServices _services = services;

    public async Task CreateVirtualAsync(ApiRequest request)
    {
        var review = await ReadAsync(request);
        review["apiVersion"] ??= request.Type.ApiVersion;
        review["kind"] ??= request.Type.Kind;
        var result = request.Type.Resource switch
        {
            "tokenreviews" => _services.TokenReviewer.Review(review),
            "subjectaccessreviews" => _services.AccessReviews.SubjectAccessReview(review),
            "localsubjectaccessreviews" => _services.AccessReviews.LocalSubjectAccessReview(request.Info.Namespace, review),
            "selfsubjectaccessreviews" => _services.AccessReviews.SelfSubjectAccessReview(review, request.User),
            "selfsubjectrulesreviews" => _services.AccessReviews.SelfSubjectRulesReview(review, request.User),
            "selfsubjectreviews" => _services.AccessReviews.SelfSubjectReview(review, request.User),
            _ => throw ApiError.MethodNotAllowed($"the server does not allow this method on the requested resource ({request.Type.Resource})"),
        };
        await request.RespondAsync(201, result);
    }

    public async Task CreateTokenAsync(ApiRequest request)
    {
        if (_services.Store.GetSnapshot(BuiltinResources.ServiceAccounts, request.Namespace, request.Name) is null)
        {
            throw ApiError.NotFound("serviceaccounts", request.Name);
        }
        var tokenRequest = await ReadAsync(request);
        tokenRequest["apiVersion"] ??= "authentication.k8s.io/v1";
        tokenRequest["kind"] ??= "TokenRequest";
        var result = _services.TokenRequests.Create(request.Namespace!, request.Name, tokenRequest);
        await request.RespondAsync(201, result);
    }

    /// <summary>Binds a pod to a node (what the scheduler does): sets spec.nodeName and the PodScheduled condition.</summary>
    public async Task BindAsync(ApiRequest request)
    {
        var binding = await ReadAsync(request);
        var node = ObjectMeta.Str(binding["target"] as JsonObject, "name") ?? "";
        if (node.Length == 0) throw ApiError.Invalid("Binding", "", request.Name, [FieldError.Required("target.name")]);
        for (var attempt = 0; ; attempt++)
        {
            var current = _services.Store.GetSnapshot(BuiltinResources.Pods, request.Namespace, request.Name) ?? throw ApiError.NotFound("pods", request.Name);
            if (ObjectMeta.Str(current.Object["spec"] as JsonObject, "nodeName") is { Length: > 0 } assigned)
            {
                throw ApiError.Conflict("pods", request.Name, $"pod {request.Name} is already assigned to node \"{assigned}\"");
            }
            var next = current.Object.DeepClone().AsObject();
            var spec = next["spec"] as JsonObject ?? [];
            spec["nodeName"] = node;
            next["spec"] = spec;
            var status = next["status"] as JsonObject ?? [];
            var conditions = status["conditions"] as JsonArray ?? [];
            foreach (var c in conditions.OfType<JsonObject>().Where(c => ObjectMeta.Str(c, "type") == "PodScheduled").ToList()) conditions.Remove(c);
            conditions.Add(new JsonObject
            {
                ["type"] = "PodScheduled",
                ["status"] = "True",
                ["lastProbeTime"] = null,
                ["lastTransitionTime"] = ObjectMeta.Timestamp(_services.Time.GetUtcNow()),
            });
            status["conditions"] = conditions;
            try
            {
                // One change, as the API server's binding storage makes it (one event for watchers, not two).
                _services.Store.Update(BuiltinResources.Pods, next, new WriteOptions(request.DryRun) { Owned = true, WithStatus = true });
                break;
            }
            catch (ApiError conflict) when (conflict.Reason == "Conflict" && attempt < 5)
            {
                // Raced with another writer: re-read and retry.
            }
        }
        await request.RespondAsync(201, new JsonObject { ["kind"] = "Status", ["apiVersion"] = "v1", ["metadata"] = new JsonObject(), ["status"] = "Success", ["code"] = 201 });
    }

    /// <summary>Eviction without disruption budgets: the pod is deleted.</summary>
    public async Task EvictAsync(ApiRequest request)
    {
        _ = await ReadAsync(request);
        _services.Store.Delete(BuiltinResources.Pods, request.Namespace, request.Name, new DeleteOptions { DryRun = request.DryRun });
        await request.RespondAsync(201, new JsonObject { ["kind"] = "Status", ["apiVersion"] = "v1", ["metadata"] = new JsonObject(), ["status"] = "Success", ["code"] = 201 });
    }

    private static async Task<JsonObject> ReadAsync(ApiRequest request)
    {
        var body = await RequestBody.ReadAsync(request.Http.Request, request.Aborted);
        return body.Length == 0 ? [] : RequestBody.DecodeObject(body, request.Http.Request.ContentType, []);
    }
}
