using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Airlock.ControlPlane.Api;
using Cel;

namespace Airlock.ControlPlane.Schema.Validation;

/// <summary>
/// Evaluates <c>x-kubernetes-validations</c> rules with the Cel package: <c>self</c> is the node's value. Transition rules
/// (those using <c>oldSelf</c>) are skipped: checks run without the previous object, as on create. A rule that cannot be
/// compiled or evaluated fails (closed).
/// </summary>
public sealed partial class CelRules
{
    private readonly Lock _compileGate = new();
    private readonly CelEnvironment _environment = KubernetesCelLibrary.CreateEnvironment();
    private readonly ConcurrentDictionary<string, (CelProgramDelegate? Program, string? Error)> _programs = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="rule"/> compiles; returns the compiler's message otherwise.</summary>
    public string? CompileError(string rule) => Compile(rule).Error;

    public static bool IsTransitionRule(string rule) => OldSelf().IsMatch(rule);

    public void Check(JsonNode? value, JsonObject schema, string path, List<FieldError> errors)
    {
        if (schema["x-kubernetes-validations"] is not JsonArray rules)
        {
            return;
        }
        var type = SchemaView.Type(schema) ?? "";
        object? self = null;
        var converted = false;
        foreach (var ruleNode in rules.OfType<JsonObject>())
        {
            var rule = JsonKinds.AsString(ruleNode["rule"]);
            if (rule is null || IsTransitionRule(rule))
            {
                continue;
            }
            if (!converted)
            {
                self = CelValue.From(value);
                converted = true;
            }
            var variables = new Dictionary<string, object?> { ["self"] = self };
            var (passed, error) = Evaluate(rule, variables);
            var fieldPath = FieldPath(path, JsonKinds.AsString(ruleNode["fieldPath"]));
            if (error is not null)
            {
                errors.Add(SchemaErrors.InvalidRaw(fieldPath, GoValue.Quote(type), $"{error} evaluating rule: {rule.Trim()}"));
                continue;
            }
            if (passed)
            {
                continue;
            }
            var message = Message(ruleNode, rule, variables);
            errors.Add(JsonKinds.AsString(ruleNode["reason"]) switch
            {
                "FieldValueForbidden" => SchemaErrors.Forbidden(fieldPath, message),
                "FieldValueRequired" => SchemaErrors.RequiredWithDetail(fieldPath, message),
                "FieldValueDuplicate" => new FieldError("FieldValueDuplicate", fieldPath, $"Duplicate value: {GoValue.Quote(type)}"),
                _ => SchemaErrors.InvalidRaw(fieldPath, GoValue.Quote(type), message),
            });
        }
    }

    private (bool Passed, string? Error) Evaluate(string rule, Dictionary<string, object?> variables)
    {
        var (program, compileError) = Compile(rule);
        if (program is null)
        {
            return (false, "compilation failed: " + compileError);
        }
        try
        {
            return program.Invoke(variables) is bool b ? (b, null) : (false, "rule did not evaluate to a bool");
        }
        catch (Exception e) // any failure inside the evaluator fails the rule (closed)
        {
            return (false, e.Message);
        }
    }

    private string Message(JsonObject ruleNode, string rule, Dictionary<string, object?> variables)
    {
        if (JsonKinds.AsString(ruleNode["messageExpression"]) is { } expression && Compile(expression).Program is { } program)
        {
            try
            {
                if (program.Invoke(variables) is string { Length: > 0 } text)
                {
                    return text;
                }
            }
            catch (Exception)
            {
                // fall back to message, as the API server does when messageExpression fails
            }
        }
        return JsonKinds.AsString(ruleNode["message"]) is { Length: > 0 } message ? message : $"failed rule: {rule.Trim()}";
    }

    private (CelProgramDelegate? Program, string? Error) Compile(string expression) =>
        _programs.GetOrAdd(expression, e =>
        {
            lock (_compileGate)
            {
                try
                {
                    return (_environment.Compile(e), null);
                }
                catch (Exception ex)
                {
                    return (null, ex.Message);
                }
            }
        });

    /// <summary><c>spec.egress[0]</c> + <c>.port</c> or <c>['port']</c> → <c>spec.egress[0].port</c>.</summary>
    private static string FieldPath(string path, string? relative)
    {
        if (string.IsNullOrEmpty(relative))
        {
            return path;
        }
        var normalized = BracketKey().Replace(relative, ".$1").TrimStart('.');
        return SchemaErrors.Child(path, normalized);
    }

    [GeneratedRegex(@"\boldSelf\b")]
    private static partial Regex OldSelf();

    [GeneratedRegex(@"\['([^']*)'\]")]
    private static partial Regex BracketKey();
}
