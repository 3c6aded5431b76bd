using System.Security.Cryptography;

namespace Airlock.ControlPlane.Schema.OpenApi;

/// <summary>One encoding of a published document: its bytes, media type and strong ETag (quoted SHA-512 of the bytes).</summary>
public sealed record OpenApiRepresentation(byte[] Body, string ContentType, string ETag)
{
    public static OpenApiRepresentation Of(byte[] body, string contentType) =>
        new(body, contentType, "\"" + Convert.ToHexString(SHA512.HashData(body)) + "\"");
}
