using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Resources;

namespace Airlock.ControlPlane.Patching;

/// <summary>
/// Server-side apply (structured-merge-diff semantics): merge the applied configuration into the live object,
/// refuse changes to fields other managers own unless forced, remove fields this manager applied before and
/// omits now (when nobody else owns them), and record the manager's applied fields as an Apply entry.
/// </summary>
internal sealed class ServerSideApply
{
    /// <summary>The manager the API server invents for fields of an object that has no managedFields yet.</summary>
    public const string BeforeFirstApply = "before-first-apply";

    private readonly ResourceType _type;
    private readonly TimeProvider _time;
    private readonly IFieldSchema _schema;

    public ServerSideApply(ResourceType type, TimeProvider time)
    {
        _type = type;
        _time = time;
        _schema = FieldSchemas.For(type);
    }

    public JsonObject Apply(JsonObject? current, JsonObject config, PatchOptions options)
    {
        var manager = options.FieldManager;
        var subresource = string.IsNullOrEmpty(options.Subresource) ? null : options.Subresource;
        Validate(config, manager);
        var configView = ManagedView.Of(config, _type, subresource);
        var configSet = new FieldSetBuilder(_schema, markMaps: false).Build(configView);

        var live = current is null ? CreationBase(config) : (JsonObject)current.DeepClone();
        var entries = ManagedFieldsCodec.Read(current);
        if (current is not null && entries.Count == 0)
        {
            entries.Add(Entry(BeforeFirstApply, ManagedFieldsEntry.Update, null,
                new FieldSetBuilder(_schema, markMaps: true).Build(ManagedView.Of(current, _type, null))));
        }

        var merged = new ApplyMerge(_schema).Merge(live, configView);
        var liveView = current is null ? [] : ManagedView.Of(current, _type, subresource);
        var changes = FieldChanges.Between(liveView, ManagedView.Of(merged, _type, subresource), new FieldSetBuilder(_schema, markMaps: false));
        var changed = changes.Changed.Intersect(configSet);

        var mine = entries.FirstOrDefault(e => e.Is(manager, ManagedFieldsEntry.Apply, subresource));
        var others = entries.Where(e => e != mine).ToList();
        var conflicts = others
            .SelectMany(e => e.Fields.Intersect(changed).Members().Select(path => (Owner: e, Path: path)))
            .ToList();
        if (conflicts.Count > 0)
        {
            if (!options.Force)
            {
                throw ApplyConflict.Error(conflicts);
            }
            foreach (var owner in others)
            {
                owner.Fields = owner.Fields.Difference(changed);
            }
        }

        var previous = mine?.Fields ?? FieldSet.Empty;
        Prune(merged, previous.Difference(configSet), configSet, others);

        if (mine is null)
        {
            mine = Entry(manager, ManagedFieldsEntry.Apply, subresource, configSet);
            entries.Add(mine);
        }
        var objectChanged = !JsonNode.DeepEquals(ManagedView.Of(merged, _type, subresource), liveView);
        if (objectChanged || !previous.SetEquals(configSet) || mine.Time is null)
        {
            mine.Time = UpdateTracker.Timestamp(_time);
        }
        mine.Fields = configSet;
        mine.ApiVersion = _type.ApiVersion;
        ManagedFieldsCodec.Write(merged, entries);
        return merged;
    }

    private void Prune(JsonObject merged, FieldSet candidates, FieldSet configSet, List<ManagedFieldsEntry> others)
    {
        var pruner = new FieldPruner(_schema);
        foreach (var path in candidates.Members().ToList())
        {
            if (configSet.HasMemberAtOrBelow(path) || others.Any(o => o.Fields.HasMemberAtOrBelow(path)))
            {
                continue;
            }
            pruner.Remove(merged, path);
        }
    }

    private ManagedFieldsEntry Entry(string manager, string operation, string? subresource, FieldSet fields) => new()
    {
        Manager = manager,
        Operation = operation,
        Subresource = subresource,
        ApiVersion = _type.ApiVersion,
        Fields = fields,
    };

    /// <summary>Applying to a missing object creates it from the configuration (minus what this endpoint may not set).</summary>
    private JsonObject CreationBase(JsonObject config)
    {
        var identity = new JsonObject
        {
            ["apiVersion"] = config["apiVersion"]?.DeepClone() ?? _type.ApiVersion,
            ["kind"] = config["kind"]?.DeepClone() ?? _type.Kind,
        };
        if (config["metadata"] is JsonObject metadata)
        {
            var kept = new JsonObject();
            foreach (var name in new[] { "name", "namespace", "generateName" })
            {
                if (metadata[name] is { } value)
                {
                    kept[name] = value.DeepClone();
                }
            }
            identity["metadata"] = kept;
        }
        return identity;
    }

    private void Validate(JsonObject config, string manager)
    {
        if (string.IsNullOrEmpty(manager))
        {
            throw ApiError.Invalid("PatchOptions", "meta.k8s.io", "",
                [new FieldError("FieldValueRequired", "fieldManager", "Required value: is required for apply patch")]);
        }
        if (config["metadata"]?["managedFields"] is not null)
        {
            throw ApiError.BadRequest("metadata.managedFields must be nil");
        }
        if (config["kind"] is not JsonValue kind || !kind.TryGetValue<string>(out var kindName) || kindName.Length == 0)
        {
            throw ApiError.BadRequest($"Object 'Kind' is missing in '{config.ToJsonString()}'");
        }
        if (kindName != _type.Kind)
        {
            throw ApiError.BadRequest($"the kind of the applied object ({kindName}) does not match the resource ({_type.Kind})");
        }
        ValidateKeys(config, []);
    }

    /// <summary>Every item of a list-map needs its key fields (structured-merge-diff refuses the apply otherwise).</summary>
    private void ValidateKeys(JsonObject obj, string[] fields)
    {
        foreach (var (name, value) in obj)
        {
            string[] childFields = [.. fields, name];
            if (value is JsonObject child)
            {
                ValidateKeys(child, childFields);
            }
            else if (value is JsonArray list && _schema.ListAt(childFields) is { Kind: ListKind.Map } strategy)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    if (list[i] is not JsonObject item || FieldPath.Key(item, strategy) is null)
                    {
                        var missing = strategy.Keys.FirstOrDefault(k => (list[i] as JsonObject)?[k] is null) ?? strategy.Keys[0];
                        throw ApiError.BadRequest(
                            $".{string.Join('.', childFields)}: element {i}: associative list with keys has an element that omits key field \"{missing}\" (and doesn't have default value)");
                    }
                    ValidateKeys(item, childFields);
                }
            }
        }
    }
}
