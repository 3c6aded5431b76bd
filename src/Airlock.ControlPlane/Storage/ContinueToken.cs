using System.Text;
using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;

namespace Airlock.ControlPlane.Storage;

/// <summary>The opaque <c>continue</c> value: base64 of <c>{"v":"meta.k8s.io/v1","rv":N,"start":"lastKey"}</c>, like the API server's.</summary>
public static class ContinueToken
{
    public static string Encode(long revision, string lastKey)
    {
        var json = new JsonObject { ["v"] = "meta.k8s.io/v1", ["rv"] = revision, ["start"] = lastKey + "\0" }.ToJsonString();
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The list revision and the key after which the next page starts; 400 for a token that is not ours.</summary>
    public static (long Revision, string StartAfter) Decode(string token)
    {
        try
        {
            var b64 = token.Replace('-', '+').Replace('_', '/');
            b64 = b64.PadRight(b64.Length + ((4 - (b64.Length % 4)) % 4), '=');
            var node = JsonNode.Parse(Convert.FromBase64String(b64))!.AsObject();
            var start = node["start"]!.GetValue<string>();
            return (node["rv"]!.GetValue<long>(), start.TrimEnd('\0'));
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or NullReferenceException or InvalidOperationException)
        {
            throw ApiError.BadRequest("continue key is not valid: " + e.Message);
        }
    }
}
