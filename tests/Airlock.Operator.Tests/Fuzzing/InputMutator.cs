using System.Text;
using System.Text.Json.Nodes;

namespace Airlock.Operator.Tests.Fuzzing;

/// <summary>Deterministic mutations of seed manifests, byte-level and structural, the way a coverage-blind fuzzer would make them.</summary>
public sealed class InputMutator(int seed)
{
    private static readonly string[] Tokens =
    [
        ":", ": ", "- ", "{", "}", "[", "]", "\"", "'", ",", "&a ", "*a", "!!str ", "!!binary ", "!!int ", "\n", "\n  ", "  ", "\t", "null", "~",
        "1e999", "-1", "-0", "99999999999999999999", "0x7f", "0o17", ".inf", "é", "\u202e", "\0", "---\n", "...\n", "? ", "|\n", ">-\n", "#",
        "apiVersion: agents.airlock.dev/v1alpha1\n", "kind: AgentTask\n", "kind: ClusterAgentPolicy\n", "spec:\n", "metadata: {name: x}\n",
        "ports: [0, 65536]", "cidr: ::/0", "host: \"*\"", "verbs: [\"*\"]", "timeout: 9999999999h", "expiresAt: 0001-01-01T00:00:00Z",
        "cpu: 1e400", "memory: -1Ki", "namespaceSelector: {matchExpressions: [{key: a, operator: Bad}]}", "ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d",
    ];

    private readonly Random _random = new(seed);

    public byte[] Mutate(IReadOnlyList<string> seeds)
    {
        var text = seeds[_random.Next(seeds.Count)];
        if (_random.Next(4) == 0 && TryStructural(text) is { } structural) return Encoding.UTF8.GetBytes(structural);
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(text));
        for (var i = _random.Next(1, 5); i > 0; i--) Step(bytes, seeds);
        return [.. bytes];
    }

    private void Step(List<byte> bytes, IReadOnlyList<string> seeds)
    {
        var at = bytes.Count == 0 ? 0 : _random.Next(bytes.Count);
        switch (_random.Next(6))
        {
            case 0 when bytes.Count > 0:
                bytes[at] ^= (byte)(1 << _random.Next(8));
                break;
            case 1 when bytes.Count > 0:
                bytes.RemoveRange(at, Math.Min(_random.Next(1, 16), bytes.Count - at));
                break;
            case 2:
                bytes.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[_random.Next(Tokens.Length)]));
                break;
            case 3 when bytes.Count > 0:
                var length = Math.Min(_random.Next(1, 64), bytes.Count - at);
                bytes.InsertRange(_random.Next(bytes.Count), bytes.GetRange(at, length));
                break;
            case 4:
                var other = Encoding.UTF8.GetBytes(seeds[_random.Next(seeds.Count)]);
                var from = _random.Next(other.Length);
                bytes.InsertRange(at, other.AsSpan(from, Math.Min(_random.Next(1, 128), other.Length - from)).ToArray());
                break;
            default:
                if (bytes.Count > 0) bytes.RemoveRange(at, bytes.Count - at);
                break;
        }
    }

    /// <summary>A JSON seed with one node replaced by a random value (keeps the document well-formed so deeper code runs).</summary>
    private string? TryStructural(string text)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
        if (root is null) return null;
        var nodes = new List<JsonNode>();
        try
        {
            Collect(root, nodes);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return null; // Duplicate keys: leave this seed to the byte-level mutations.
        }
        var target = nodes[_random.Next(nodes.Count)];
        if (target.Parent is JsonObject parent) parent[target.GetPropertyName()] = RandomValue(0);
        else if (target.Parent is JsonArray array) array[target.GetElementIndex()] = RandomValue(0);
        return root.ToJsonString();
    }

    private static void Collect(JsonNode node, List<JsonNode> nodes)
    {
        nodes.Add(node);
        if (node is JsonObject obj) foreach (var (_, child) in obj) { if (child is not null) Collect(child, nodes); }
        if (node is JsonArray arr) foreach (var child in arr) { if (child is not null) Collect(child, nodes); }
    }

    private JsonNode? RandomValue(int depth) => _random.Next(depth > 3 ? 5 : 7) switch
    {
        0 => null,
        1 => JsonValue.Create(_random.Next(2) == 0),
        2 => JsonValue.Create(_random.NextDouble() * Math.Pow(10, _random.Next(-5, 300))),
        3 => JsonValue.Create(_random.NextInt64(long.MinValue, long.MaxValue)),
        4 => JsonValue.Create(Tokens[_random.Next(Tokens.Length)]),
        5 => new JsonArray(Enumerable.Range(0, _random.Next(4)).Select(_ => RandomValue(depth + 1)).ToArray()),
        _ => new JsonObject(Enumerable.Range(0, _random.Next(4)).Select(i => KeyValuePair.Create(Tokens[_random.Next(Tokens.Length)] + i, RandomValue(depth + 1)))),
    };
}
