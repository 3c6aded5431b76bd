using System.Text;
using System.Text.Json.Nodes;
using Airlock.Testing;

namespace Airlock.ControlPlane.Tests.Patching;

/// <summary>JSON helpers for the patch tests: parse, encode, compare structurally, read captured kubectl bodies.</summary>
internal static class TestJson
{
    public static JsonObject Obj(string json) => JsonNode.Parse(json)!.AsObject();

    public static ReadOnlyMemory<byte> Bytes(string text) => Encoding.UTF8.GetBytes(text);

    public static string Captured(string name) =>
        File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "tests", "Airlock.ControlPlane.Tests", "Patching", "Captured", name));

    public static void ShouldEqualJson(this JsonNode? actual, string expected)
    {
        var want = JsonNode.Parse(expected);
        JsonNode.DeepEquals(actual, want).Should().BeTrue($"expected {want?.ToJsonString()} but got {actual?.ToJsonString()}");
    }
}
