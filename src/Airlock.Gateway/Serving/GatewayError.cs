namespace Airlock.Gateway.Serving;

/// <summary>
/// A refusal or failure as the gateway reports it: HTTP status, a machine-readable code (<c>model_not_allowed</c>,
/// <c>budget_exhausted</c>…), the provider-style error type, a message, and for 429 the Retry-After.
/// </summary>
public sealed record GatewayError(int Status, string Code, string Message, TimeSpan? RetryAfter = null)
{
    public static GatewayError Unauthorized(string code, string message) => new(401, code, message);

    public static GatewayError Forbidden(string code, string message) => new(403, code, message);

    public static GatewayError BadRequest(string code, string message) => new(400, code, message);

    /// <summary>The OpenAI error type for the status.</summary>
    public string OpenAiType => Status switch
    {
        401 => "authentication_error",
        403 when Code == "budget_exhausted" => "insufficient_quota",
        403 => "permission_error",
        404 => "not_found_error",
        429 => "rate_limit_error",
        >= 500 => "server_error",
        _ => "invalid_request_error",
    };

    /// <summary>The Anthropic error type for the status.</summary>
    public string AnthropicType => Status switch
    {
        401 => "authentication_error",
        403 => "permission_error",
        404 => "not_found_error",
        413 => "request_too_large",
        429 => "rate_limit_error",
        503 or 529 => "overloaded_error",
        >= 500 => "api_error",
        _ => "invalid_request_error",
    };
}
