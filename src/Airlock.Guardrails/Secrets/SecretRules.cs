using System.Text.RegularExpressions;
using static Airlock.Guardrails.Secrets.SecretTypes;

namespace Airlock.Guardrails.Secrets;

/// <summary>The detectors <see cref="SecretScanner"/> runs, most specific first (lower priority wins an overlap).</summary>
internal static class SecretRules
{
    public static IReadOnlyList<SecretRule> All { get; } =
    [
        new(GcpServiceAccountKey, SecretPatterns.GcpServiceAccountKey(), 0, ["private_key"]),
        new(PrivateKey, SecretPatterns.PrivateKey(), 1, ["-----BEGIN"]),
        new(AnthropicKey, SecretPatterns.AnthropicKey(), 2, ["sk-ant-"]),
        new(GitHubToken, SecretPatterns.GitHubToken(), 2, ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"]),
        new(GitLabToken, SecretPatterns.GitLabToken(), 2, ["glpat-", "gldt-", "glrt-", "glcbt-", "glptt-", "glft-", "glsoat-", "glimt-", "gloas-", "GR1348941"]),
        new(SlackWebhook, SecretPatterns.SlackWebhook(), 2, ["hooks.slack.com/"]),
        new(SlackToken, SecretPatterns.SlackToken(), 2, ["xoxa-", "xoxb-", "xoxp-", "xoxo-", "xoxs-", "xoxr-", "xoxe-", "xapp-"]),
        new(StripeKey, SecretPatterns.StripeKey(), 2, ["_live_", "_test_", "whsec_"], (_, m) => !m.Value.StartsWith("pk_", StringComparison.Ordinal)),
        new(NpmToken, SecretPatterns.NpmToken(), 2, ["npm_"]),
        new(AwsAccessKey, SecretPatterns.AwsAccessKey(), 2, ["AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AIPA", "ANPA", "ANVA", "AROA", "APKA", "ASCA", "A3T"]),
        new(GcpApiKey, SecretPatterns.GcpApiKey(), 2, ["AIza"]),
        new(GcpOAuth, SecretPatterns.GcpOAuth(), 2, ["GOCSPX-", "ya29."]),
        new(OpenAiKey, SecretPatterns.OpenAiKey(), 3, ["sk-"], (_, m) => HasDigitAndLetter(m.Value.AsSpan(3))),
        new(Jwt, SecretPatterns.Jwt(), 3, ["eyJ"], (_, m) => TokenShape.HasJwtHeader(m.Value)),
        new(AwsSecretKey, SecretPatterns.AwsSecretKeyAssigned(), 4, ["secret"]),
        new(UrlCredentials, SecretPatterns.UrlCredentials(), 5, ["://"], (_, m) => IsRealPassword(m.Groups[SecretRule.ValueGroup].Value)),
        new(GenericSecret, SecretPatterns.AssignedSecret(), 9, ["password", "passwd", "pwd", "passphrase", "secret", "token", "apikey", "api_key", "api-key", "access_key", "access-key", "accesskey", "auth_key", "auth-key", "authkey", "private_key", "private-key", "privatekey", "credential", "bearer"], (_, m) => TokenShape.IsRandomLooking(m.Groups[SecretRule.ValueGroup].Value, MinLength(m))),
    ];

    /// <summary>Publishable Stripe keys (<c>pk_</c>) are meant to be public; the pattern shares a shape with secret ones.</summary>
    private static bool HasDigitAndLetter(ReadOnlySpan<char> value) =>
        value.ContainsAnyInRange('0', '9') && (value.ContainsAnyInRange('a', 'z') || value.ContainsAnyInRange('A', 'Z'));

    private static bool IsRealPassword(string password) =>
        !TokenShape.IsPlaceholder(Uri.UnescapeDataString(password)) && !password.StartsWith('$') && !password.StartsWith('%');

    /// <summary>Passwords are shorter than tokens; a bearer or API token under 16 characters is rarely real.</summary>
    private static int MinLength(Match match) =>
        match.Value.StartsWith("pass", StringComparison.OrdinalIgnoreCase) || match.Value.StartsWith("pwd", StringComparison.OrdinalIgnoreCase) ? 10 : 16;
}
