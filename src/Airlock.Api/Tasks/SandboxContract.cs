namespace Airlock.Api.Tasks;

/// <summary>What an agent container can rely on inside its sandbox: mount paths, environment names, token audience.</summary>
public static class SandboxContract
{
    /// <summary>Audience of the projected service-account token; the gateway's TokenReview asks for exactly this one.</summary>
    public const string TokenAudience = "airlock-gateway";

    public const string TokenDirectory = "/var/run/secrets/airlock";

    public const string TokenPath = TokenDirectory + "/token";

    /// <summary>The prompt ConfigMap is mounted read-only here (a directory holding the file <see cref="PromptPath"/>).</summary>
    public const string PromptDirectory = "/airlock";

    public const string PromptPath = PromptDirectory + "/prompt";

    public const string PromptKey = "prompt";

    /// <summary>The only writable place: an emptyDir sized by <c>spec.resources.ephemeralStorage</c>.</summary>
    public const string WorkspacePath = "/workspace";

    public const string GatewayUrlEnv = "AIRLOCK_GATEWAY_URL";
    public const string OpenAiBaseUrlEnv = "OPENAI_BASE_URL";
    public const string TokenFileEnv = "AIRLOCK_TOKEN_FILE";
    public const string PromptFileEnv = "AIRLOCK_PROMPT_FILE";
    public const string TaskNameEnv = "AIRLOCK_TASK";
    public const string HttpsProxyEnv = "HTTPS_PROXY";
    public const string HttpProxyEnv = "HTTP_PROXY";
    public const string NoProxyEnv = "NO_PROXY";

    /// <summary>Environment prefixes a task may not set (compared ignoring case).</summary>
    public static readonly IReadOnlyList<string> ReservedEnvPrefixes = ["AIRLOCK_", "KUBERNETES_"];

    /// <summary>Environment names a task may not set (compared ignoring case).</summary>
    public static readonly IReadOnlyList<string> ReservedEnvNames = [HttpsProxyEnv, HttpProxyEnv, NoProxyEnv, OpenAiBaseUrlEnv];

    public static bool IsReservedEnvName(string name) =>
        ReservedEnvNames.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
        || ReservedEnvPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));
}
