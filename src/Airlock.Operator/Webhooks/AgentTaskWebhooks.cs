using System.Globalization;
using System.Text.Json.Nodes;
using Airlock.Api;
using Airlock.Api.Tasks;
using Airlock.Guardrails;
using Airlock.Operator.Governance.Approval;
using Airlock.Operator.Manifests;
using Airlock.Operator.Reconciliation;
using k8s;

namespace Airlock.Operator.Webhooks;

/// <summary>
/// The admission logic for AgentTasks. Mutating: defaults from the effective policy and the creator's identity on CREATE;
/// on UPDATE, an approval, rejection or quarantine is checked (RBAC verb by SubjectAccessReview for the requesting user,
/// no self-approval) and stamped with the requester's identity (and, for approvals, the seal). Validating: the same rules
/// as <c>airlock validate --policy</c> for new and changed specs, every governance annotation checked again, and on
/// <c>agenttasks/status</c> a terminal phase is final and <c>approvedBy</c> must match the sealed approval.
/// </summary>
/// <param name="ready">False until the policy caches have synced: until then every request is refused (fail closed).</param>
public sealed class AgentTaskWebhooks(
    ITaskPolicySource policies, ApprovalSealSlot seal, ISubjectAccessReviewer reviewer, TimeProvider time, IGuardrailScanner? scanner = null, Func<bool>? ready = null)
{
    private const string Starting = "the Airlock operator is starting and has not read the cluster's policies yet; try again in a moment";

    public async Task<AdmissionResponse> MutateAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        if (ready?.Invoke() == false) return new AdmissionResponse(false, 503, "ServiceUnavailable", Starting, null, []);
        if (request.SubResource.Length > 0 || request.Object is not { } obj) return AdmissionResponse.Allow();
        var annotations = Annotations(obj);
        var patch = new JsonArray();
        if (request.Operation == "CREATE")
        {
            foreach (var op in AgentTaskDefaults.Patch(obj, policies.For(Task(obj, request)))) patch.Add(op);
            annotations[AirlockAnnotations.CreatedBy] = request.User.Username;
            annotations[AirlockAnnotations.CreatedByGroups] = GovernanceRules.GroupsValue(request.User);
        }
        else if (request.Operation == "UPDATE")
        {
            var old = Annotations(request.OldObject);
            var review = GovernanceRules.Review("UPDATE", old, annotations, Phase(request.OldObject), request.User, stamped: false);
            if (review.Problems.Count > 0) return AdmissionResponse.Invalid(string.Join("\n", review.Problems));
            if (review.Actions.Count == 0) return AdmissionResponse.Allow();
            if (await AuthorizeAsync(request, review.Actions, cancellationToken).ConfigureAwait(false) is { } refusal) return refusal;
            Stamp(request, obj, annotations, review.Actions);
        }
        else
        {
            return AdmissionResponse.Allow();
        }
        patch.Add(AgentTaskDefaults.Add("/metadata/annotations", ToJson(annotations)));
        return AdmissionResponse.Allow(patch);
    }

    public async Task<AdmissionResponse> ValidateAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        if (ready?.Invoke() == false) return new AdmissionResponse(false, 503, "ServiceUnavailable", Starting, null, []);
        if (request.Object is not { } obj || request.Operation is not ("CREATE" or "UPDATE")) return AdmissionResponse.Allow();
        if (request.SubResource == "status") return ValidateStatus(request, obj);
        if (request.SubResource.Length > 0) return AdmissionResponse.Allow();

        var review = GovernanceRules.Review(request.Operation, Annotations(request.OldObject), Annotations(obj), Phase(request.OldObject), request.User, stamped: true);
        var problems = review.Problems.ToList();
        var specChanged = request.Operation == "CREATE" || !JsonNode.DeepEquals(obj["spec"], request.OldObject?["spec"]);
        if (specChanged && At(obj, "metadata", "deletionTimestamp") is null)
        {
            var task = Task(obj, request);
            var document = (JsonObject)obj.DeepClone();
            var now = time.GetUtcNow().UtcDateTime;
            var label = $"{AgentTask.KubeKind}/{request.Name ?? task.Metadata.Name}";
            try
            {
                var found = scanner is null
                    ? AirlockManifests.Validate(document, policies.For(task), now)
                    : AirlockManifests.Validate(document, policies.For(task), now, scanner);
                problems.AddRange(found.Select(p => $"{label}: {p}"));
            }
            catch (ManifestException e)
            {
                problems.Add($"{label}: {e.Message}");
            }
        }
        if (problems.Count > 0) return AdmissionResponse.Invalid(string.Join("\n", problems));
        if (review.Actions.Count == 0) return AdmissionResponse.Allow();
        if (await AuthorizeAsync(request, review.Actions, cancellationToken).ConfigureAwait(false) is { } refusal) return refusal;
        if (review.Actions.Contains(GovernanceAction.Approve) && seal.Verify(Task(obj, request)) is { Approval: null } failed)
        {
            return AdmissionResponse.Forbidden(failed.Problem ?? "the approval is not sealed by the Airlock mutating webhook");
        }
        return AdmissionResponse.Allow();
    }

    /// <summary>The status subresource is the operator's: a terminal phase is final, and approvedBy must be the sealed approver.</summary>
    private static AdmissionResponse ValidateStatus(AdmissionRequest request, JsonObject obj)
    {
        var before = Phase(request.OldObject);
        var after = Phase(obj);
        if (request.Operation == "UPDATE" && AgentTaskPhase.IsTerminal(before) && after != before)
            return AdmissionResponse.Invalid($"status.phase: {before} is final; it cannot become {after ?? "empty"}");
        var approvedBy = Text(At(obj, "status", "approvedBy"));
        var previous = Text(At(request.OldObject, "status", "approvedBy"));
        if (approvedBy is not null && approvedBy != previous && Annotations(obj).GetValueOrDefault(AirlockAnnotations.ApprovedBy) != approvedBy)
            return AdmissionResponse.Invalid($"status.approvedBy: \"{approvedBy}\" is not the recorded approver; approvals are made with airlock approve");
        return AdmissionResponse.Allow();
    }

    private async Task<AdmissionResponse?> AuthorizeAsync(AdmissionRequest request, IReadOnlyList<GovernanceAction> actions, CancellationToken cancellationToken)
    {
        var ns = request.Namespace ?? "";
        var name = request.Name ?? "";
        var user = request.User;
        foreach (var action in actions)
        {
            var verb = action.ToString().ToLowerInvariant();
            if (!await reviewer.AllowedAsync(user, verb, ns, name, cancellationToken).ConfigureAwait(false))
            {
                return AdmissionResponse.Forbidden(
                    $"{user.Username} may not {verb} agenttasks.agents.airlock.dev in namespace {ns}; ask for a role that grants the verb {verb} (airlock-approver)");
            }
            if (action != GovernanceAction.Approve) continue;
            var creator = Annotations(request.OldObject).GetValueOrDefault(AirlockAnnotations.CreatedBy);
            if (creator is null)
                return AdmissionResponse.Forbidden("the task has no recorded creator, so self-approval cannot be ruled out; create it again through the admission webhook");
            if (creator == user.Username)
                return AdmissionResponse.Forbidden($"{user.Username} created this task and may not approve it; another person must approve");
        }
        return null;
    }

    private void Stamp(AdmissionRequest request, JsonObject obj, Dictionary<string, string> annotations, IReadOnlyList<GovernanceAction> actions)
    {
        var user = request.User.Username;
        foreach (var action in actions)
        {
            switch (action)
            {
                case GovernanceAction.Approve:
                    var at = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                    annotations[AirlockAnnotations.ApprovedBy] = user;
                    annotations[AirlockAnnotations.ApprovedAt] = at;
                    annotations.Remove(AirlockAnnotations.ApprovalSeal);
                    var current = seal.Seal ?? throw new InvalidOperationException("the approval key is not loaded");
                    annotations[AirlockAnnotations.ApprovalSeal] = current.Sign(Task(obj, request), user, at);
                    break;
                case GovernanceAction.Reject:
                    annotations[AirlockAnnotations.RejectedBy] = user;
                    break;
                case GovernanceAction.Quarantine:
                    annotations[AirlockAnnotations.QuarantinedBy] = user;
                    break;
            }
        }
    }

    /// <summary>The object as a task (for the policy and the seal), its namespace and name from the request when missing.</summary>
    private static AgentTask Task(JsonObject obj, AdmissionRequest request)
    {
        AgentTask task;
        try
        {
            task = KubernetesJson.Deserialize<AgentTask>(obj.ToJsonString());
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException or ArgumentException or InvalidOperationException or OverflowException)
        {
            // Unreadable as a task (a malformed quantity...): the validation refuses it with the field; judge it as empty here.
            task = new AgentTask();
        }
        task.Metadata ??= new();
        task.Metadata.NamespaceProperty ??= request.Namespace;
        task.Metadata.Name ??= request.Name;
        task.Spec ??= new AgentTaskSpec();
        return task;
    }

    private static string? Phase(JsonObject? obj) => Text(At(obj, "status", "phase"));

    /// <summary>The node at <paramref name="path"/>, or null when any step is missing or not an object (the input is untrusted).</summary>
    private static JsonNode? At(JsonNode? node, params string[] path)
    {
        foreach (var key in path) node = node is JsonObject obj ? obj[key] : null;
        return node;
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;

    private static Dictionary<string, string> Annotations(JsonObject? obj)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in At(obj, "metadata", "annotations") as JsonObject ?? [])
        {
            if (value is JsonValue v && v.TryGetValue<string>(out var text)) result[key] = text;
        }
        return result;
    }

    private static JsonObject ToJson(Dictionary<string, string> annotations) =>
        new(annotations.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value)));
}
