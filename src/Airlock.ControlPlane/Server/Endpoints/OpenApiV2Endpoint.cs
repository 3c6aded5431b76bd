using System.Globalization;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Schema.OpenApi;
using Microsoft.AspNetCore.Http;

namespace Airlock.ControlPlane.Server.Endpoints;

/// <summary>
/// <c>GET /openapi/v2</c> as kube-apiserver answers it: the representation picked from <c>Accept</c> (JSON, or gnostic
/// protobuf for either spelling of its media type; no header or <c>*/*</c> means JSON; anything else 406), with
/// <c>Vary: Accept</c>, <c>Cache-Control: no-cache, private</c>, a strong ETag and <c>304 Not Modified</c> for a matching
/// <c>If-None-Match</c> (kubectl's disk cache revalidates with it).
/// </summary>
public sealed class OpenApiV2Endpoint(ApiServices services)
{
    private readonly OpenApiV2Publisher _publisher = new(services.Schema);

    public async Task HandleAsync(HttpContext http)
    {
        var response = http.Response;
        response.Headers.Vary = "Accept";
        var document = _publisher.Get(services.Registry.All);
        var representation = Negotiate(http.Request.Headers.Accept.ToString(), document)
            ?? throw new ApiError(406, "NotAcceptable", "only the following media types are accepted: "
                + string.Join(", ", OpenApiV2Document.JsonType, OpenApiV2Document.ProtobufTypeDeprecated, OpenApiV2Document.ProtobufType));
        response.Headers.ContentType = representation.ContentType;
        response.Headers.CacheControl = "no-cache, private";
        response.Headers.ETag = representation.ETag;
        if (Matches(http.Request.Headers.IfNoneMatch.ToString(), representation.ETag))
        {
            response.StatusCode = 304;
            return;
        }
        response.StatusCode = 200;
        response.ContentLength = representation.Body.Length;
        if (HttpMethods.IsHead(http.Request.Method)) return;
        await response.Body.WriteAsync(representation.Body, http.RequestAborted);
    }

    /// <summary>The representation for the first acceptable clause of <paramref name="accept"/> (by q, then specificity), or null.</summary>
    public static OpenApiRepresentation? Negotiate(string accept, OpenApiV2Document document)
    {
        (string MediaType, OpenApiRepresentation Representation)[] offered =
        [
            (OpenApiV2Document.JsonType, document.Json),
            (OpenApiV2Document.ProtobufTypeDeprecated, document.Protobuf),
            (OpenApiV2Document.ProtobufType, document.Protobuf),
        ];
        var clauses = (accept.Length == 0 ? "*/*" : accept).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(Clause)
            .Where(c => c.Quality > 0)
            .OrderByDescending(c => c.Quality)
            .ThenByDescending(c => (c.Type == "*" ? 0 : 1) + (c.SubType == "*" ? 0 : 1));
        foreach (var (type, subType, _) in clauses)
        {
            foreach (var (mediaType, representation) in offered)
            {
                var slash = mediaType.IndexOf('/', StringComparison.Ordinal);
                if ((type == "*" || type.Equals(mediaType[..slash], StringComparison.OrdinalIgnoreCase))
                    && (subType == "*" || subType.Equals(mediaType[(slash + 1)..], StringComparison.OrdinalIgnoreCase)))
                {
                    return representation;
                }
            }
        }
        return null;
    }

    private static (string Type, string SubType, double Quality) Clause(string clause)
    {
        var parts = clause.Split(';', StringSplitOptions.TrimEntries);
        var quality = 1.0;
        foreach (var parameter in parts.Skip(1))
        {
            if (parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                && double.TryParse(parameter[2..], NumberStyles.Float, CultureInfo.InvariantCulture, out var q))
            {
                quality = q;
            }
        }
        var mediaType = parts[0] == "*" ? "*/*" : parts[0];
        var slash = mediaType.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (mediaType, "", quality) : (mediaType[..slash], mediaType[(slash + 1)..], quality);
    }

    private static bool Matches(string ifNoneMatch, string etag) =>
        ifNoneMatch.Length > 0 && ifNoneMatch.Split(',', StringSplitOptions.TrimEntries)
            .Any(candidate => candidate == "*" || candidate == etag || candidate == "W/" + etag);
}
