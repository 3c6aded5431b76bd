using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Schema.OpenApi;

/// <summary>The request parameters the API server documents on its operations (kubectl looks for <c>fieldValidation</c> on PATCH).</summary>
public static class OpenApiParameters
{
    public static JsonObject Path(string name, string description) => new()
    {
        ["name"] = name,
        ["in"] = "path",
        ["description"] = description,
        ["required"] = true,
        ["schema"] = new JsonObject { ["type"] = "string", ["uniqueItems"] = true },
    };

    public static JsonObject Query(string name, string type, string description) => new()
    {
        ["name"] = name,
        ["in"] = "query",
        ["description"] = description,
        ["schema"] = new JsonObject { ["type"] = type, ["uniqueItems"] = true },
    };

    public static JsonObject Pretty() => Query("pretty", "string", "If 'true', then the output is pretty printed.");

    public static JsonObject DryRun() => Query("dryRun", "string",
        "When present, indicates that modifications should not be persisted. Valid values are: - All: all dry run stages will be processed");

    public static JsonObject FieldManager() => Query("fieldManager", "string",
        "fieldManager is a name associated with the actor or entity that is making these changes.");

    public static JsonObject FieldValidation() => Query("fieldValidation", "string",
        "fieldValidation instructs the server on how to handle objects in the request containing unknown or duplicate fields. Valid values are: - Ignore - Warn - Strict");

    public static JsonObject Force() => Query("force", "boolean",
        "Force is going to \"force\" Apply requests. It means user will re-acquire conflicting fields owned by other people. Must be unset for non-apply patch requests.");

    /// <summary>Parameters of create, update (PUT) and PATCH.</summary>
    public static JsonArray Write(bool patch)
    {
        var list = new JsonArray(DryRun(), FieldManager(), FieldValidation());
        if (patch)
        {
            list.Add(Force());
        }
        return list;
    }

    public static JsonArray Delete() => new(
        DryRun(),
        Query("gracePeriodSeconds", "integer", "The duration in seconds before the object should be deleted."),
        Query("propagationPolicy", "string", "Whether and how garbage collection will be performed: 'Orphan', 'Background' or 'Foreground'."));

    public static JsonArray List(bool watch) => new(
        Query("allowWatchBookmarks", "boolean", "allowWatchBookmarks requests watch events with type \"BOOKMARK\"."),
        Query("continue", "string", "The continue option should be set when retrieving more results from the server."),
        Query("fieldSelector", "string", "A selector to restrict the list of returned objects by their fields. Defaults to everything."),
        Query("labelSelector", "string", "A selector to restrict the list of returned objects by their labels. Defaults to everything."),
        Query("limit", "integer", "limit is a maximum number of responses to return for a list call."),
        Query("resourceVersion", "string", "resourceVersion sets a constraint on what resource versions a request may be served from."),
        Query("timeoutSeconds", "integer", "Timeout for the list/watch call."),
        Query("watch", "boolean", watch ? "Watch for changes to the described resources and return them as a stream of add, update, and remove notifications." : "Not supported."));
}
