using System.Text.Json.Nodes;
using Airlock.ControlPlane.Resources;

namespace Airlock.ControlPlane.Tests.Storage;

/// <summary>Small object builders for store tests.</summary>
internal static class Objects
{
    public static JsonObject ConfigMap(string name, string ns = "default", JsonObject? labels = null, JsonObject? metadata = null)
    {
        var meta = metadata ?? [];
        meta["name"] = name;
        meta["namespace"] = ns;
        if (labels is not null) meta["labels"] = labels;
        return new JsonObject { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["metadata"] = meta, ["data"] = new JsonObject { ["k"] = "v" } };
    }

    public static JsonObject Pod(string name, string ns = "default", string phase = "Pending") => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Pod",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "c", ["image"] = "busybox" }) },
        ["status"] = new JsonObject { ["phase"] = phase },
    };

    public static JsonObject OwnedBy(JsonObject obj, JsonObject owner)
    {
        obj["metadata"]!["ownerReferences"] = new JsonArray(new JsonObject
        {
            ["apiVersion"] = owner["apiVersion"]!.GetValue<string>(),
            ["kind"] = owner["kind"]!.GetValue<string>(),
            ["name"] = owner["metadata"]!["name"]!.GetValue<string>(),
            ["uid"] = owner["metadata"]!["uid"]!.GetValue<string>(),
        });
        return obj;
    }

    public static readonly ResourceType Widgets = new()
    {
        Group = "example.com",
        Version = "v1",
        Resource = "widgets",
        Kind = "Widget",
        Singular = "widget",
        Namespaced = true,
        Subresources = ["status"],
        IsCustom = true,
    };

    public static JsonObject Widget(string name, int size = 1) => new()
    {
        ["apiVersion"] = "example.com/v1",
        ["kind"] = "Widget",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
        ["spec"] = new JsonObject { ["size"] = size },
    };
}
