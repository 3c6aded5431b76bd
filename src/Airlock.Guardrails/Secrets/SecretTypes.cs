namespace Airlock.Guardrails.Secrets;

/// <summary>The <see cref="SecretFinding.Type"/> values, as printed by <c>airlock scan</c> and written into <c>[REDACTED:&lt;type&gt;]</c>.</summary>
public static class SecretTypes
{
    public const string AwsAccessKey = "aws-access-key";
    public const string AwsSecretKey = "aws-secret-key";
    public const string GcpServiceAccountKey = "gcp-service-account-key";
    public const string GcpApiKey = "gcp-api-key";
    public const string GcpOAuth = "gcp-oauth";
    public const string GitHubToken = "github-token";
    public const string GitLabToken = "gitlab-token";
    public const string SlackToken = "slack-token";
    public const string SlackWebhook = "slack-webhook";
    public const string StripeKey = "stripe-key";
    public const string OpenAiKey = "openai-key";
    public const string AnthropicKey = "anthropic-key";
    public const string NpmToken = "npm-token";
    public const string PrivateKey = "private-key";
    public const string Jwt = "jwt";
    public const string UrlCredentials = "url-credentials";
    public const string GenericSecret = "generic-secret";

    /// <summary>Reported over the whole text when a rule ran out of time: fail closed and redact everything.</summary>
    public const string ScanTimeout = "scan-timeout";
}
