using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Airlock.ControlPlane.Api;

namespace Airlock.ControlPlane.Schema.Validation;

/// <summary>Value validations of strings and numbers: length, pattern, format, bounds, multipleOf.</summary>
public static partial class ScalarRules
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(250);
    private static readonly ConcurrentDictionary<string, Regex?> Patterns = new(StringComparer.Ordinal);

    public static void CheckString(string value, JsonObject schema, string path, List<FieldError> errors)
    {
        var runes = value.EnumerateRunes().Count(); // the API server counts UTF-8 code points, not UTF-16 units
        if (SchemaView.Long(schema, "maxLength") is { } max && runes > max)
        {
            errors.Add(SchemaErrors.TooLong(path, max));
        }
        if (SchemaView.Long(schema, "minLength") is { } min && runes < min)
        {
            errors.Add(SchemaErrors.InvalidRaw(path, GoValue.Quote(value), $"{path} in body should be at least {min} chars long"));
        }
        if (JsonKinds.AsString(schema["pattern"]) is { } pattern && !Matches(pattern, value))
        {
            errors.Add(SchemaErrors.InvalidRaw(path, GoValue.Quote(value), $"{path} in body should match '{pattern}'"));
        }
        if (JsonKinds.AsString(schema["format"]) is { } format && !FormatAccepts(format, value))
        {
            errors.Add(SchemaErrors.FormatInvalid(path, value, format));
        }
    }

    public static void CheckNumber(JsonValue value, JsonObject schema, string path, List<FieldError> errors)
    {
        var number = JsonKinds.GetDouble(value);
        if (SchemaView.Double(schema, "maximum") is { } max)
        {
            var exclusive = SchemaView.Flag(schema, "exclusiveMaximum");
            if (exclusive ? number >= max : number > max)
            {
                var relation = exclusive ? "less than" : "less than or equal to";
                errors.Add(SchemaErrors.Invalid(path, value, $"{path} in body should be {relation} {GoValue.Number(max)}"));
            }
        }
        if (SchemaView.Double(schema, "minimum") is { } min)
        {
            var exclusive = SchemaView.Flag(schema, "exclusiveMinimum");
            if (exclusive ? number <= min : number < min)
            {
                var relation = exclusive ? "greater than" : "greater than or equal to";
                errors.Add(SchemaErrors.Invalid(path, value, $"{path} in body should be {relation} {GoValue.Number(min)}"));
            }
        }
        if (SchemaView.Double(schema, "multipleOf") is { } factor && factor > 0)
        {
            var quotient = number / factor;
            if (Math.Abs(quotient - Math.Round(quotient)) > 1e-9)
            {
                errors.Add(SchemaErrors.Invalid(path, value, $"{path} in body should be a multiple of {GoValue.Number(factor)}"));
            }
        }
        if (JsonKinds.AsString(schema["format"]) is "int32" && JsonKinds.TryGetInt64(value, out var l) && l is < int.MinValue or > int.MaxValue)
        {
            errors.Add(SchemaErrors.Invalid(path, value, $"{path} in body must be of type int32"));
        }
    }

    /// <summary>Compiles (once) and matches an ECMA/RE2-style pattern; a pattern that does not compile or times out fails.</summary>
    public static bool Matches(string pattern, string value)
    {
        var regex = Patterns.GetOrAdd(pattern, static p =>
        {
            try
            {
                return new Regex(p, RegexOptions.CultureInvariant, PatternTimeout);
            }
            catch (ArgumentException)
            {
                return null;
            }
        });
        if (regex is null)
        {
            return false;
        }
        try
        {
            return regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>The string formats the API server checks cheaply; unknown formats accept anything, as kube-openapi does.</summary>
    public static bool FormatAccepts(string format, string value) => format switch
    {
        "date-time" or "datetime" => DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _) && RfcDateTime().IsMatch(value),
        "date" => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "duration" => GoDuration().IsMatch(value),
        "byte" => IsBase64(value),
        "uuid" => Guid.TryParseExact(value, "D", out _),
        _ => true,
    };

    private static bool IsBase64(string value)
    {
        var buffer = new byte[(value.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(value, buffer, out _) || Encoding.ASCII.GetByteCount(value) == 0;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex RfcDateTime();

    // Go's time.ParseDuration syntax, as strfmt's "duration" accepts it (plus day/week units strfmt adds).
    [GeneratedRegex(@"^[-+]?(\d+(\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h|d|w)(((\d+(\.\d*)?|\.\d+))(ns|us|µs|ms|s|m|h|d|w))*$|^0$")]
    private static partial Regex GoDuration();
}
