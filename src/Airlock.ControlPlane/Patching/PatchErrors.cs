using Airlock.ControlPlane.Api;

namespace Airlock.ControlPlane.Patching;

/// <summary>The errors the API server's patch handler returns, with its codes, reasons and messages.</summary>
internal static class PatchErrors
{
    /// <summary>
    /// 422 as <c>NewGenericServerResponse(422, …)</c> builds it: a fixed message, the engine's detail in a cause
    /// of type <c>UnexpectedServerResponse</c> (what a failed JSON-patch <c>test</c> or a missing path returns).
    /// </summary>
    public static ApiError Unprocessable(string detail) =>
        new(422, "Invalid", "the server rejected our request due to an error in our request",
            new StatusDetails(null, null, null) { Causes = [new StatusCause("UnexpectedServerResponse", detail, "")] });

    public static ApiError BadRequest(string message) => ApiError.BadRequest(message);

    /// <summary>strategicpatch's ErrBadJSONDoc.</summary>
    public static ApiError BadJsonDocument() => ApiError.BadRequest("invalid JSON document");

    public static ApiError BadPrimitiveListFormat() => ApiError.BadRequest("invalid patch format of primitive list");

    public static ApiError BadRetainKeysFormat() => ApiError.BadRequest("invalid patch format of retainKeys");

    public static ApiError BadSetElementOrderFormat() => ApiError.BadRequest("invalid patch format of setElementOrder list");

    public static ApiError PatchDoesNotMatchRetainKeys() => Unprocessable("patch content doesn't match retainKeys list");

    public static ApiError NoListOfLists() => Unprocessable("lists of lists are not supported");
}
