using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Airlock.ControlPlane.Resources;

namespace Airlock.ControlPlane.Schema.OpenApi;

/// <summary>
/// Serves <c>/openapi/v3</c>: the index of group-versions with content hashes (kubectl caches documents by them) and
/// the per group-version documents, rebuilt only when the served resources of that group-version change.
/// </summary>
public sealed class OpenApiPublisher(OpenApiDocumentBuilder builder)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string Fingerprint, JsonObject Document, string Hash)> _cache = new(StringComparer.Ordinal);

    public JsonObject Index(IReadOnlyList<ResourceType> served)
    {
        var paths = new JsonObject();
        foreach (var group in served.GroupBy(OpenApiDocumentBuilder.PathOf).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var document = Get(group.Key, [.. group]);
            paths[group.Key] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{group.Key}?hash={document.Hash}" };
        }
        return new JsonObject { ["paths"] = paths };
    }

    /// <summary>A fresh copy of the document (callers may change it), or null for a group-version nothing is served in.</summary>
    public JsonObject? Document(string groupVersionPath, IReadOnlyList<ResourceType> served)
    {
        var path = groupVersionPath.Trim('/');
        var types = served.Where(t => OpenApiDocumentBuilder.PathOf(t) == path).ToList();
        return types.Count == 0 ? null : (JsonObject)Get(path, types).Document.DeepClone();
    }

    private (string Fingerprint, JsonObject Document, string Hash) Get(string path, IReadOnlyList<ResourceType> types)
    {
        var fingerprint = Fingerprint(types);
        lock (_gate)
        {
            if (_cache.TryGetValue(path, out var cached) && cached.Fingerprint == fingerprint)
            {
                return cached;
            }
        }
        var document = builder.Build(types);
        var hash = Convert.ToHexString(SHA512.HashData(Encoding.UTF8.GetBytes(document.ToJsonString())));
        var fresh = (fingerprint, document, hash);
        lock (_gate)
        {
            _cache[path] = fresh;
        }
        return fresh;
    }

    private static string Fingerprint(IReadOnlyList<ResourceType> types)
    {
        var sb = new StringBuilder();
        foreach (var t in types.OrderBy(t => t.Resource, StringComparer.Ordinal))
        {
            sb.Append(t.Resource).Append('|').Append(t.Kind).Append('|').Append(t.Namespaced).Append('|').Append(t.IsCustom).Append('|')
                .AppendJoin(',', t.Verbs).Append('|').AppendJoin(',', t.Subresources).Append('|')
                .Append(t.ClrType?.FullName).Append('|').Append(t.CustomSchema?.ToJsonString()).Append('\n');
        }
        return sb.ToString();
    }
}
