using System.Text.RegularExpressions;
using static Airlock.Guardrails.Secrets.SecretTypes;

namespace Airlock.Guardrails.Secrets;

/// <summary>The detectors <see cref="SecretScanner"/> runs, most specific first (lower priority wins an overlap).</summary>
internal static class SecretRules
{
    public static IReadOnlyList<SecretRule> All { get; } =
    [
        new(GcpServiceAccountKey, SecretPatterns.GcpServiceAccountKey(), 0),
        new(PrivateKey, SecretPatterns.PrivateKey(), 1),
        new(AnthropicKey, SecretPatterns.AnthropicKey(), 2),
        new(GitHubToken, SecretPatterns.GitHubToken(), 2),
        new(GitLabToken, SecretPatterns.GitLabToken(), 2),
        new(SlackWebhook, SecretPatterns.SlackWebhook(), 2),
        new(SlackToken, SecretPatterns.SlackToken(), 2),
        new(StripeKey, SecretPatterns.StripeKey(), 2, (_, m) => !m.Value.StartsWith("pk_", StringComparison.Ordinal)),
        new(NpmToken, SecretPatterns.NpmToken(), 2),
        new(AwsAccessKey, SecretPatterns.AwsAccessKey(), 2),
        new(GcpApiKey, SecretPatterns.GcpApiKey(), 2),
        new(GcpOAuth, SecretPatterns.GcpOAuth(), 2),
        new(OpenAiKey, SecretPatterns.OpenAiKey(), 3, (_, m) => HasDigitAndLetter(m.Value.AsSpan(3))),
        new(Jwt, SecretPatterns.Jwt(), 3, (_, m) => TokenShape.HasJwtHeader(m.Value)),
        new(AwsSecretKey, SecretPatterns.AwsSecretKeyAssigned(), 4),
        new(UrlCredentials, SecretPatterns.UrlCredentials(), 5, (_, m) => IsRealPassword(m.Groups[SecretRule.ValueGroup].Value)),
        new(GenericSecret, SecretPatterns.AssignedSecret(), 9, (_, m) => TokenShape.IsRandomLooking(m.Groups[SecretRule.ValueGroup].Value, MinLength(m))),
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
