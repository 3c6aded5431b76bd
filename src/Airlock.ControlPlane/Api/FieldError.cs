namespace Airlock.ControlPlane.Api;

/// <summary>
/// One validation problem, as field.Error in the API server: <paramref name="Type"/> is the cause reason
/// (<c>FieldValueRequired</c>, <c>FieldValueInvalid</c>, <c>FieldValueNotSupported</c>, <c>FieldValueTooLong</c>,
/// <c>FieldValueTypeInvalid</c>, <c>FieldValueForbidden</c>, <c>FieldValueDuplicate</c>), <paramref name="Field"/> the path
/// (<c>spec.egress[2].host</c>), <paramref name="Message"/> the detail (<c>Required value</c>, <c>Invalid value: "x": must be …</c>).
/// </summary>
public sealed record FieldError(string Type, string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";

    public static FieldError Required(string field) => new("FieldValueRequired", field, "Required value");

    public static FieldError Invalid(string field, string? value, string detail) =>
        new("FieldValueInvalid", field, value is null ? $"Invalid value: {detail}" : $"Invalid value: \"{value}\": {detail}");

    public static FieldError NotSupported(string field, string value, IEnumerable<string> supported) =>
        new("FieldValueNotSupported", field, $"Unsupported value: \"{value}\": supported values: {string.Join(", ", supported.Select(s => $"\"{s}\""))}");

    public static FieldError TypeInvalid(string field, string expected) =>
        new("FieldValueTypeInvalid", field, $"Invalid value: must be of type {expected}");

    public static FieldError Forbidden(string field, string detail) => new("FieldValueForbidden", field, $"Forbidden: {detail}");
}
