using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;

namespace Airlock.ControlPlane.Schema.Validation;

/// <summary>
/// Field errors worded as the apiextensions server words OpenAPI validation failures (kube-openapi messages wrapped in
/// field.Error): <c>spec.x: Invalid value: 100: spec.x in body should be greater than or equal to 600</c>.
/// </summary>
public static class SchemaErrors
{
    public static FieldError Required(string path) => FieldError.Required(path);

    public static FieldError RequiredWithDetail(string path, string detail) => new("FieldValueRequired", path, $"Required value: {detail}");

    public static FieldError TypeInvalid(string path, JsonNode? value, string expectedType) =>
        new("FieldValueTypeInvalid", path, $"Invalid value: {GoValue.Quote(JsonKinds.TypeOf(value))}: {path} in body must be of type {expectedType}: {GoValue.Quote(JsonKinds.TypeOf(value))}");

    public static FieldError FormatInvalid(string path, string value, string format) =>
        new("FieldValueTypeInvalid", path, $"Invalid value: {GoValue.Quote(value)}: {path} in body must be of type {format}: {GoValue.Quote(value)}");

    public static FieldError NotSupported(string path, JsonNode? value, IEnumerable<JsonNode?> allowed) =>
        new("FieldValueNotSupported", path,
            $"Unsupported value: {GoValue.Format(value)}: supported values: {string.Join(", ", allowed.Select(a => GoValue.Quote(JsonKinds.AsString(a) ?? a?.ToJsonString() ?? "null")))}");

    public static FieldError Invalid(string path, JsonNode? value, string detail) => new("FieldValueInvalid", path, $"Invalid value: {GoValue.Format(value)}: {detail}");

    public static FieldError InvalidRaw(string path, string printedValue, string detail) => new("FieldValueInvalid", path, $"Invalid value: {printedValue}: {detail}");

    public static FieldError TooLong(string path, long max) => new("FieldValueTooLong", path, $"Too long: may not be longer than {max}");

    public static FieldError TooMany(string path, int actual, long max) => new("FieldValueTooMany", path, $"Too many: {actual}: must have at most {max} items");

    public static FieldError Duplicate(string path, JsonNode? value) => new("FieldValueDuplicate", path, $"Duplicate value: {GoValue.Format(value)}");

    public static FieldError Forbidden(string path, string detail) => FieldError.Forbidden(path, detail);

    public static string Child(string path, string name) => path.Length == 0 ? name : path + "." + name;

    public static string Index(string path, int index) => $"{path}[{index}]";
}
