using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Schema.Validation;

namespace Airlock.ControlPlane.Schema.Crd;

/// <summary>
/// Validates a CustomResourceDefinition before it is stored, as the apiextensions server does: names, group, scope,
/// versions (served, exactly one storage), structural schemas and printer columns. Defaults <c>spec.names.singular</c>
/// and <c>spec.names.listKind</c> in place first, as the server's defaulting does.
/// </summary>
public sealed class CrdValidator(StructuralSchemaRules structural)
{
    private static readonly string[] Scopes = ["Cluster", "Namespaced"];
    private static readonly string[] ColumnTypes = ["boolean", "date", "integer", "number", "string"];
    private static readonly string[] ColumnFormats = ["int32", "int64", "float", "double", "byte", "date", "date-time", "password"];

    public IReadOnlyList<FieldError> Validate(JsonObject crd)
    {
        var errors = new List<FieldError>();
        if (crd["spec"] is not JsonObject spec)
        {
            return [SchemaErrors.Required("spec")];
        }
        var names = spec["names"] as JsonObject;
        if (names is not null)
        {
            ApplyNameDefaults(names);
        }
        var group = JsonKinds.AsString(spec["group"]) ?? "";
        var plural = JsonKinds.AsString(names?["plural"]) ?? "";
        var name = JsonKinds.AsString(crd["metadata"]?["name"]) ?? "";
        if (name != $"{plural}.{group}")
        {
            errors.Add(SchemaErrors.InvalidRaw("metadata.name", GoValue.Quote(name), "must be spec.names.plural+\".\"+spec.group"));
        }
        CheckGroup(group, errors);
        CheckScope(spec["scope"], errors);
        if (names is null)
        {
            errors.Add(SchemaErrors.Required("spec.names"));
        }
        else
        {
            CheckNames(names, errors);
        }
        CheckVersions(spec["versions"] as JsonArray, errors);
        return errors;
    }

    private static void ApplyNameDefaults(JsonObject names)
    {
        if (JsonKinds.AsString(names["kind"]) is { Length: > 0 } kind)
        {
            if (JsonKinds.AsString(names["singular"]) is not { Length: > 0 })
            {
                names["singular"] = kind.ToLowerInvariant();
            }
            if (JsonKinds.AsString(names["listKind"]) is not { Length: > 0 })
            {
                names["listKind"] = kind + "List";
            }
        }
    }

    private static void CheckGroup(string group, List<FieldError> errors)
    {
        if (group.Length == 0)
        {
            errors.Add(SchemaErrors.Required("spec.group"));
            return;
        }
        foreach (var problem in DnsNames.Dns1123Subdomain(group))
        {
            errors.Add(SchemaErrors.InvalidRaw("spec.group", GoValue.Quote(group), problem));
        }
        if (!group.Contains('.', StringComparison.Ordinal))
        {
            errors.Add(SchemaErrors.InvalidRaw("spec.group", GoValue.Quote(group), "should be a domain with at least one dot"));
        }
    }

    private static void CheckScope(JsonNode? scope, List<FieldError> errors)
    {
        if (JsonKinds.AsString(scope) is not { Length: > 0 } value)
        {
            errors.Add(SchemaErrors.Required("spec.scope"));
        }
        else if (!Scopes.Contains(value))
        {
            errors.Add(SchemaErrors.NotSupported("spec.scope", scope, Scopes.Select(s => (JsonNode?)JsonValue.Create(s))));
        }
    }

    private static void CheckNames(JsonObject names, List<FieldError> errors)
    {
        CheckLabel(names, "plural", required: true, errors);
        CheckLabel(names, "singular", required: false, errors);
        var kind = JsonKinds.AsString(names["kind"]) ?? "";
        var listKind = JsonKinds.AsString(names["listKind"]) ?? "";
        CheckKind("spec.names.kind", kind, errors);
        CheckKind("spec.names.listKind", listKind, errors);
        if (kind.Length > 0 && kind == listKind)
        {
            errors.Add(SchemaErrors.InvalidRaw("spec.names.listKind", GoValue.Quote(listKind), "kind and listKind must be different"));
        }
        if (names["shortNames"] is JsonArray shortNames)
        {
            for (var i = 0; i < shortNames.Count; i++)
            {
                var shortName = JsonKinds.AsString(shortNames[i]) ?? "";
                foreach (var problem in DnsNames.Dns1035Label(shortName))
                {
                    errors.Add(SchemaErrors.InvalidRaw($"spec.names.shortNames[{i}]", GoValue.Quote(shortName), problem));
                }
            }
        }
    }

    private static void CheckLabel(JsonObject names, string field, bool required, List<FieldError> errors)
    {
        var value = JsonKinds.AsString(names[field]) ?? "";
        if (value.Length == 0)
        {
            if (required)
            {
                errors.Add(SchemaErrors.Required("spec.names." + field));
            }
            return;
        }
        foreach (var problem in DnsNames.Dns1035Label(value))
        {
            errors.Add(SchemaErrors.InvalidRaw("spec.names." + field, GoValue.Quote(value), problem));
        }
    }

    private static void CheckKind(string path, string kind, List<FieldError> errors)
    {
        if (kind.Length == 0)
        {
            errors.Add(SchemaErrors.Required(path));
        }
        else if (DnsNames.Dns1035Label(kind.ToLowerInvariant()).Count > 0)
        {
            errors.Add(SchemaErrors.InvalidRaw(path, GoValue.Quote(kind), "may have mixed case, but should otherwise match: [a-z]([-a-z0-9]*[a-z0-9])?"));
        }
    }

    private void CheckVersions(JsonArray? versions, List<FieldError> errors)
    {
        if (versions is null || versions.Count == 0)
        {
            errors.Add(SchemaErrors.RequiredWithDetail("spec.versions", "must have at least one version"));
            return;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var storage = 0;
        var served = 0;
        for (var i = 0; i < versions.Count; i++)
        {
            var path = $"spec.versions[{i}]";
            if (versions[i] is not JsonObject version)
            {
                errors.Add(SchemaErrors.Required(path));
                continue;
            }
            var name = JsonKinds.AsString(version["name"]) ?? "";
            foreach (var problem in DnsNames.Dns1035Label(name))
            {
                errors.Add(SchemaErrors.InvalidRaw(path + ".name", GoValue.Quote(name), problem));
            }
            if (!seen.Add(name))
            {
                errors.Add(SchemaErrors.Duplicate(path + ".name", version["name"]));
            }
            storage += JsonKinds.IsTrue(version["storage"]) ? 1 : 0;
            served += JsonKinds.IsTrue(version["served"]) ? 1 : 0;
            if (version["schema"]?["openAPIV3Schema"] is JsonObject schema)
            {
                structural.CheckRoot(schema, path + ".schema.openAPIV3Schema", errors);
            }
            else
            {
                errors.Add(SchemaErrors.RequiredWithDetail(path + ".schema.openAPIV3Schema", "schemas are required"));
            }
            CheckColumns(version["additionalPrinterColumns"] as JsonArray, path + ".additionalPrinterColumns", errors);
        }
        const string VersionsValue = "[]apiextensions.CustomResourceDefinitionVersion{...}";
        if (storage != 1)
        {
            errors.Add(SchemaErrors.InvalidRaw("spec.versions", VersionsValue, "must have exactly one version marked as storage version"));
        }
        if (served == 0)
        {
            errors.Add(SchemaErrors.InvalidRaw("spec.versions", VersionsValue, "must have at least one version marked as served"));
        }
    }

    private static void CheckColumns(JsonArray? columns, string path, List<FieldError> errors)
    {
        for (var i = 0; columns is not null && i < columns.Count; i++)
        {
            var column = columns[i] as JsonObject ?? [];
            var columnPath = $"{path}[{i}]";
            if (JsonKinds.AsString(column["name"]) is not { Length: > 0 })
            {
                errors.Add(SchemaErrors.Required(columnPath + ".name"));
            }
            if (JsonKinds.AsString(column["jsonPath"]) is not { Length: > 0 })
            {
                errors.Add(SchemaErrors.Required(columnPath + ".jsonPath"));
            }
            if (JsonKinds.AsString(column["type"]) is not { Length: > 0 } type)
            {
                errors.Add(SchemaErrors.Required(columnPath + ".type"));
            }
            else if (!ColumnTypes.Contains(type))
            {
                errors.Add(SchemaErrors.NotSupported(columnPath + ".type", column["type"], ColumnTypes.Select(t => (JsonNode?)JsonValue.Create(t))));
            }
            if (JsonKinds.AsString(column["format"]) is { Length: > 0 } format && !ColumnFormats.Contains(format))
            {
                errors.Add(SchemaErrors.NotSupported(columnPath + ".format", column["format"], ColumnFormats.Select(t => (JsonNode?)JsonValue.Create(t))));
            }
        }
    }
}
