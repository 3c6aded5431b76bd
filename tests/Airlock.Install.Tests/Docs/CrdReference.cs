using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Airlock.Install.Tests.Support;

namespace Airlock.Install.Tests.Docs;

/// <summary>
/// Renders a CRD's schema as a Markdown reference: one table row per field (path, type, required, constraints,
/// description) and the CEL rules with their messages. The CRD descriptions come from the C# types, so the reference
/// is only as good as they are.
/// </summary>
public static class CrdReference
{
    public static string Render(string crdYaml, string sourcePath)
    {
        var crd = Manifest.ParseAll(crdYaml).Single();
        var names = crd.At("spec.names")!;
        var kind = (string)names["kind"]!;
        var group = (string)crd.At("spec.group")!;
        var md = new StringBuilder();
        md.Append("<!-- Generated from ").Append(sourcePath).Append(" by tests/Airlock.Install.Tests (UPDATE_GOLDEN=1). Do not edit. -->\n\n");
        md.Append("# ").Append(kind).Append(" reference\n\n");
        foreach (var version in crd.At("spec.versions")!.AsArray())
        {
            var schema = version!["schema"]!["openAPIV3Schema"]!;
            md.Append("`apiVersion: ").Append(group).Append('/').Append((string)version["name"]!).Append("`, `kind: ").Append(kind).Append("`, ")
              .Append((string)crd.At("spec.scope")!).Append(" (plural `").Append((string)names["plural"]!).Append('`');
            if (names["shortNames"] is JsonArray shortNames) md.Append(", short name ").Append(string.Join(", ", shortNames.Select(s => $"`{s}`")));
            md.Append(").\n\n").Append(Text(schema["description"])).Append("\n\n");
            if (version["additionalPrinterColumns"] is JsonArray columns)
            {
                md.Append("## Columns of `kubectl get`\n\n| column | from | meaning |\n|---|---|---|\n");
                foreach (var c in columns) md.Append("| ").Append(Text(c!["name"])).Append(" | `").Append(Text(c["jsonPath"])).Append("` | ").Append(Text(c["description"])).Append(" |\n");
                md.Append('\n');
            }
            foreach (var top in new[] { "spec", "status" })
            {
                if (schema["properties"]?[top] is not JsonObject node) continue;
                md.Append("## `").Append(top).Append("`\n\n").Append(Text(node["description"])).Append("\n\n");
                md.Append("| field | type | required | constraints | description |\n|---|---|---|---|---|\n");
                var rules = new List<(string Path, string Rule, string Message)>();
                Fields(md, rules, node, top);
                md.Append('\n');
                if (rules.Count > 0)
                {
                    md.Append("### Validation rules of `").Append(top).Append("`\n\n| on | rule | message |\n|---|---|---|\n");
                    foreach (var (path, rule, message) in rules) md.Append("| `").Append(path).Append("` | `").Append(Cell(rule)).Append("` | ").Append(Cell(message)).Append(" |\n");
                    md.Append('\n');
                }
            }
        }
        return md.ToString().TrimEnd('\n') + "\n";
    }

    private static void Fields(StringBuilder md, List<(string, string, string)> rules, JsonNode node, string path)
    {
        CollectRules(rules, node, path);
        if (node["type"]?.ToString() == "array" && node["items"] is JsonNode items)
        {
            CollectRules(rules, items, path + "[]");
            node = items;
            path += "[]";
        }
        if (node["properties"] is not JsonObject properties) return;
        var required = node["required"] is JsonArray r ? r.Select(x => (string)x!).ToHashSet() : [];
        foreach (var (name, child) in properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var childPath = $"{path}.{name}";
            md.Append("| `").Append(childPath).Append("` | ").Append(TypeOf(child!)).Append(" | ").Append(required.Contains(name) ? "yes" : "")
              .Append(" | ").Append(Constraints(child!)).Append(" | ").Append(Cell(Text(child!["description"]))).Append(" |\n");
            Fields(md, rules, child!, childPath);
        }
    }

    private static void CollectRules(List<(string, string, string)> rules, JsonNode node, string path)
    {
        if (node["x-kubernetes-validations"] is not JsonArray validations) return;
        foreach (var v in validations) rules.Add((path, Text(v!["rule"]), Text(v["message"])));
    }

    private static string TypeOf(JsonNode n)
    {
        if (n["x-kubernetes-int-or-string"]?.ToString() == "true") return "int or string";
        var type = Text(n["type"]);
        if (type == "array") return $"[]{TypeOf(n["items"] ?? new JsonObject())}";
        return n["format"] is JsonNode f ? $"{type} ({f})" : type.Length == 0 ? "any" : type;
    }

    private static string Constraints(JsonNode n)
    {
        var parts = new List<string>();
        if (n["enum"] is JsonArray e) parts.Add("one of " + string.Join(", ", e.Select(x => $"`{x}`")));
        if (n["default"] is JsonNode d) parts.Add($"default `{d.ToJsonString().Trim('"')}`");
        if (n["minimum"] is JsonNode min) parts.Add($"≥ {min}");
        if (n["maximum"] is JsonNode max) parts.Add($"≤ {max}");
        if (n["minLength"] is JsonNode minLength) parts.Add($"length ≥ {minLength}");
        if (n["maxLength"] is JsonNode maxLength) parts.Add($"length ≤ {maxLength}");
        if (n["minItems"] is JsonNode minItems) parts.Add($"items ≥ {minItems}");
        if (n["maxItems"] is JsonNode maxItems) parts.Add($"items ≤ {maxItems}");
        if (n["pattern"] is JsonNode pattern) parts.Add($"pattern `{Cell(pattern.ToString())}`");
        if (n["x-kubernetes-list-type"] is JsonNode listType) parts.Add(string.Create(CultureInfo.InvariantCulture, $"list type {listType}"));
        return string.Join("; ", parts);
    }

    private static string Text(JsonNode? n) => n?.ToString() ?? "";

    private static string Cell(string s) => s.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
