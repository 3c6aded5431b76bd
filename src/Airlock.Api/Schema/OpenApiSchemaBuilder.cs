using System.Collections;
using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using k8s.Models;

namespace Airlock.Api.Schema;

/// <summary>Reflects over an API type and its schema attributes to produce a structural OpenAPI v3 schema.</summary>
public static class OpenApiSchemaBuilder
{
    /// <summary>The schema of an object type: its JSON properties, required list and CEL rules.</summary>
    public static V1JSONSchemaProps ForObject(Type type)
    {
        if (KnownSchemas.TryGet(type, out var known)) return known;
        var schema = new V1JSONSchemaProps
        {
            Type = "object",
            Description = type.GetCustomAttribute<DescriptionAttribute>()?.Description ?? Missing(type.Name),
            Properties = new Dictionary<string, V1JSONSchemaProps>(StringComparer.Ordinal),
        };
        var required = new List<string>();
        var isEntity = typeof(k8s.IKubernetesObject).IsAssignableFrom(type);
        foreach (var property in JsonProperties(type).OrderBy(p => p.JsonName, StringComparer.Ordinal))
        {
            // apiVersion, kind and metadata of an entity are the API server's; CrdGenerator writes their standard schema.
            if (isEntity && property.JsonName is "apiVersion" or "kind" or "metadata") continue;
            schema.Properties[property.JsonName] = ForProperty(property.Info);
            if (property.Info.GetCustomAttribute<RequiredAttribute>() is not null) required.Add(property.JsonName);
        }
        if (required.Count > 0) schema.Required = required;
        var rules = type.GetCustomAttributes<CelRuleAttribute>().Select(r => new V1ValidationRule { Rule = r.Rule, Message = r.Message }).ToList();
        if (rules.Count > 0) schema.XKubernetesValidations = rules;
        return schema;
    }

    /// <summary>The serialised properties of a type with their JSON names (properties marked [JsonIgnore] are left out).</summary>
    public static IEnumerable<(string JsonName, PropertyInfo Info)> JsonProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null && p.GetMethod is not null && p.SetMethod is not null)
            .Select(p => (p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name), p));

    private static V1JSONSchemaProps ForProperty(PropertyInfo property)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var itemType = ListItemType(type);
        var schema = itemType is null ? ForValue(type) : new V1JSONSchemaProps { Type = "array", Items = ForValue(itemType) };
        var valueSchema = itemType is null ? schema : (V1JSONSchemaProps)schema.Items;
        schema.Description = property.GetCustomAttribute<DescriptionAttribute>()?.Description ?? valueSchema.Description ?? Missing(property.Name);
        if (itemType is not null && valueSchema.Type == "object") valueSchema.Description ??= Missing(itemType.Name);

        foreach (var attribute in property.GetCustomAttributes())
        {
            switch (attribute)
            {
                case PatternAttribute a: valueSchema.Pattern = a.Regex; break;
                case MinimumAttribute a: valueSchema.Minimum = a.Value; break;
                case MaximumAttribute a: valueSchema.Maximum = a.Value; break;
                case MinLengthAttribute a: valueSchema.MinLength = a.Value; break;
                case MaxLengthAttribute a: valueSchema.MaxLength = a.Value; break;
                case EnumValuesAttribute a: valueSchema.EnumProperty = [.. a.Values]; break;
                case FormatAttribute a: valueSchema.Format = a.Format; break;
                case IntOrStringAttribute: valueSchema.Type = null; valueSchema.XKubernetesIntOrString = true; break;
                case PreserveUnknownFieldsAttribute: valueSchema.XKubernetesPreserveUnknownFields = true; break;
                case MinItemsAttribute a: schema.MinItems = a.Value; break;
                case MaxItemsAttribute a: schema.MaxItems = a.Value; break;
                case DefaultAttribute a: schema.DefaultProperty = JsonSerializer.Deserialize<JsonElement>(a.Json); break;
                case ListTypeAttribute a:
                    schema.XKubernetesListType = a.Type;
                    if (a.Keys.Count > 0) schema.XKubernetesListMapKeys = [.. a.Keys];
                    break;
                case CelRuleAttribute a:
                    schema.XKubernetesValidations ??= [];
                    schema.XKubernetesValidations.Add(new V1ValidationRule { Rule = a.Rule, Message = a.Message });
                    break;
            }
        }
        return schema;
    }

    private static V1JSONSchemaProps ForValue(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return new V1JSONSchemaProps { Type = "string" };
        if (type == typeof(bool)) return new V1JSONSchemaProps { Type = "boolean" };
        if (type == typeof(int)) return new V1JSONSchemaProps { Type = "integer", Format = "int32" };
        if (type == typeof(long)) return new V1JSONSchemaProps { Type = "integer", Format = "int64" };
        if (type == typeof(DateTime) || type == typeof(DateTimeOffset)) return new V1JSONSchemaProps { Type = "string", Format = "date-time" };
        if (type == typeof(ResourceQuantity)) return new V1JSONSchemaProps { XKubernetesIntOrString = true, Pattern = SchemaPatterns.Quantity };
        if (type.IsEnum) return new V1JSONSchemaProps { Type = "string", EnumProperty = [.. Enum.GetNames(type)] };
        if (DictionaryValueType(type) is { } valueType)
        {
            return new V1JSONSchemaProps { Type = "object", AdditionalProperties = ForValue(valueType) };
        }
        return ForObject(type);
    }

    private static Type? ListItemType(Type type)
    {
        if (type == typeof(string) || DictionaryValueType(type) is not null || !typeof(IEnumerable).IsAssignableFrom(type)) return null;
        if (type.IsArray) return type.GetElementType();
        return type.IsGenericType ? type.GetGenericArguments()[0] : null;
    }

    private static Type? DictionaryValueType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() is var d && (d == typeof(IDictionary<,>) || d == typeof(Dictionary<,>))
            ? type.GetGenericArguments()[1]
            : null;

    // Every field carries a description (kubectl explain shows it); a missing one fails the generator's test.
    private static string Missing(string name) => throw new InvalidOperationException($"{name} has no [Description]");
}
