using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Api;

/// <summary>
/// An error the API server returns as a <c>kind: Status</c> body. Throw it anywhere in the request path;
/// the HTTP layer turns it into the response. Reasons and codes follow metav1.StatusReason.
/// </summary>
public sealed class ApiError : Exception
{
    public ApiError(int code, string reason, string message, StatusDetails? details = null, TimeSpan? retryAfter = null)
        : base(message)
    {
        Code = code;
        Reason = reason;
        Details = details;
        RetryAfter = retryAfter;
    }

    public int Code { get; }

    /// <summary>metav1.StatusReason, e.g. <c>NotFound</c>, <c>AlreadyExists</c>, <c>Conflict</c>, <c>Invalid</c>, <c>Expired</c>.</summary>
    public string Reason { get; }

    public StatusDetails? Details { get; }

    public TimeSpan? RetryAfter { get; }

    public static ApiError NotFound(string qualifiedResource, string name) =>
        new(404, "NotFound", $"{qualifiedResource} \"{name}\" not found", new StatusDetails(name, GroupOf(qualifiedResource), KindOf(qualifiedResource)));

    public static ApiError AlreadyExists(string qualifiedResource, string name) =>
        new(409, "AlreadyExists", $"{qualifiedResource} \"{name}\" already exists", new StatusDetails(name, GroupOf(qualifiedResource), KindOf(qualifiedResource)));

    public static ApiError Conflict(string qualifiedResource, string name, string why) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {qualifiedResource} \"{name}\": {why}",
            new StatusDetails(name, GroupOf(qualifiedResource), KindOf(qualifiedResource)));

    public static ApiError BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiError Forbidden(string message) => new(403, "Forbidden", message);

    public static ApiError Unauthorized() => new(401, "Unauthorized", "Unauthorized");

    public static ApiError MethodNotAllowed(string message) => new(405, "MethodNotAllowed", message);

    public static ApiError Gone(string message) => new(410, "Expired", message);

    public static ApiError UnsupportedMediaType(string contentType) =>
        new(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml (got {contentType})");

    public static ApiError TooLarge(string message) => new(413, "RequestEntityTooLarge", message);

    public static ApiError Internal(string message) => new(500, "InternalError", message);

    /// <summary>422 Invalid: <c>Kind.group "name" is invalid: field: message, field2: message2</c>.</summary>
    public static ApiError Invalid(string kind, string group, string name, IReadOnlyList<FieldError> errors)
    {
        var qualifiedKind = group.Length == 0 ? kind : $"{kind}.{group}";
        var listed = string.Join(", ", errors.Select(e => e.ToString()));
        var message = errors.Count switch
        {
            0 => $"{qualifiedKind} \"{name}\" is invalid",
            1 => $"{qualifiedKind} \"{name}\" is invalid: {listed}",
            _ => $"{qualifiedKind} \"{name}\" is invalid: [{listed}]",
        };
        return new ApiError(422, "Invalid", message,
            new StatusDetails(name, group, kind) { Causes = errors.Select(e => new StatusCause(e.Type, e.Message, e.Field)).ToList() });
    }

    private static string GroupOf(string qualifiedResource)
    {
        var dot = qualifiedResource.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? "" : qualifiedResource[(dot + 1)..];
    }

    private static string KindOf(string qualifiedResource)
    {
        var dot = qualifiedResource.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? qualifiedResource : qualifiedResource[..dot];
    }

    /// <summary>The <c>kind: Status</c> body for this error.</summary>
    public JsonObject ToStatus()
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = Message,
            ["reason"] = Reason,
            ["code"] = Code,
        };
        if (Details is { } d)
        {
            var details = new JsonObject();
            if (d.Name is not null) details["name"] = d.Name;
            if (!string.IsNullOrEmpty(d.Group)) details["group"] = d.Group;
            if (d.Kind is not null) details["kind"] = d.Kind;
            if (d.Causes is { Count: > 0 } causes)
            {
                details["causes"] = new JsonArray(causes.Select(c => (JsonNode)new JsonObject
                {
                    ["reason"] = c.Reason,
                    ["message"] = c.Message,
                    ["field"] = c.Field,
                }).ToArray());
            }
            if (RetryAfter is { } ra) details["retryAfterSeconds"] = (int)Math.Ceiling(ra.TotalSeconds);
            status["details"] = details;
        }
        return status;
    }
}

/// <summary>metav1.StatusDetails.</summary>
public sealed record StatusDetails(string? Name, string? Group, string? Kind)
{
    public IReadOnlyList<StatusCause>? Causes { get; init; }
}

/// <summary>metav1.StatusCause.</summary>
public sealed record StatusCause(string Reason, string Message, string Field);
