using System.Text.Json.Nodes;
using Airlock.ControlPlane.Resources;

namespace Airlock.ControlPlane.Patching;

/// <summary>
/// The part of an object field managers own: without type and identity metadata (the API server's managed-fields
/// stripper), and — for kinds with a status subresource — only status when writing it, everything else otherwise.
/// </summary>
internal static class ManagedView
{
    /// <summary>The metadata fields the server sets, which no manager owns.</summary>
    public static readonly string[] ServerMetadataFields =
    [
        "name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp",
        "deletionGracePeriodSeconds", "selfLink", "managedFields",
    ];

    public static bool IsServerMetadata(string name) => Array.IndexOf(ServerMetadataFields, name) >= 0;

    public static JsonObject Of(JsonObject? obj, ResourceType type, string? subresource)
    {
        if (obj is null)
        {
            return [];
        }
        var view = (JsonObject)obj.DeepClone();
        view.Remove("apiVersion");
        view.Remove("kind");
        if (view["metadata"] is JsonObject metadata)
        {
            foreach (var name in ServerMetadataFields)
            {
                metadata.Remove(name);
            }
            if (metadata.Count == 0)
            {
                view.Remove("metadata");
            }
        }
        if (subresource == "status")
        {
            return view["status"] is JsonObject status ? new JsonObject { ["status"] = status.DeepClone() } : [];
        }
        if (type.HasSubresource("status"))
        {
            view.Remove("status");
        }
        return view;
    }
}
