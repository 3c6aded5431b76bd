using System.Text.RegularExpressions;

namespace Airlock.Guardrails.Secrets;

/// <summary>
/// Source-generated patterns for <see cref="SecretRules"/>. Each starts at a literal prefix or keyword (so the engine
/// skips ahead with a vectorised search) and uses only bounded or possessive-by-construction repetitions, so no input
/// makes them backtrack badly; the timeout is a last resort that makes the scan fail closed.
/// </summary>
internal static partial class SecretPatterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    private const RegexOptions IgnoreCase = Options | RegexOptions.IgnoreCase;
    public const int TimeoutMilliseconds = 2000;

    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|AROA|APKA|ASCA|A3T[A-Z0-9])[A-Z0-9]{16}(?![A-Za-z0-9])", Options, TimeoutMilliseconds)]
    public static partial Regex AwsAccessKey();

    [GeneratedRegex(@"(?:aws_?secret_?(?:access_?)?key|secret_?access_?key)[""']?\s{0,5}(?::=|=>|[:=])\s{0,5}[""']?(?<val>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])", IgnoreCase, TimeoutMilliseconds)]
    public static partial Regex AwsSecretKeyAssigned();

    /// <summary>A bare 40-character secret key: only reported near an access key id (see <see cref="SecretScanner"/>).</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])", Options, TimeoutMilliseconds)]
    public static partial Regex AwsSecretKeyBare();

    [GeneratedRegex(@"""private_key""\s{0,5}:\s{0,5}""(?<val>-----BEGIN[A-Z ]{0,30}PRIVATE KEY-----[^""]{0,12000})""", Options, TimeoutMilliseconds)]
    public static partial Regex GcpServiceAccountKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_\-])AIza[0-9A-Za-z_\-]{35}(?![A-Za-z0-9_\-])", Options, TimeoutMilliseconds)]
    public static partial Regex GcpApiKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_\-])(?:GOCSPX-[0-9A-Za-z_\-]{28}|ya29\.[0-9A-Za-z_\-]{30,2048})(?![A-Za-z0-9_\-])", Options, TimeoutMilliseconds)]
    public static partial Regex GcpOAuth();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{50,255})(?![A-Za-z0-9_])", Options, TimeoutMilliseconds)]
    public static partial Regex GitHubToken();

    [GeneratedRegex(@"(?<![A-Za-z0-9_\-])(?:gl(?:pat|dt|rt|cbt|ptt|ft|soat|imt|oas)-[A-Za-z0-9_\-]{20,255}|GR1348941[A-Za-z0-9_\-]{20,255})(?![A-Za-z0-9_\-])", Options, TimeoutMilliseconds)]
    public static partial Regex GitLabToken();

    [GeneratedRegex(@"(?<![A-Za-z0-9_\-])(?:xox[abposre]-[A-Za-z0-9\-]{10,255}|xapp-\d-[A-Za-z0-9\-]{10,255})(?![A-Za-z0-9_\-])", Options, TimeoutMilliseconds)]
    public static partial Regex SlackToken();

    [GeneratedRegex(@"https://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/\-]{10,255}", Options, TimeoutMilliseconds)]
    public static partial Regex SlackWebhook();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?:(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{10,247}|whsec_[A-Za-z0-9]{24,247})(?![A-Za-z0-9_])", Options, TimeoutMilliseconds)]
    public static partial Regex StripeKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_\-])sk-ant-[A-Za-z0-9_\-]{20,255}(?![A-Za-z0-9_\-])", Options, TimeoutMilliseconds)]
    public static partial Regex AnthropicKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_\-])sk-(?!ant-)(?:(?:proj|svcacct|admin|None)-[A-Za-z0-9_\-]{20,255}|[A-Za-z0-9]{20,255})(?![A-Za-z0-9_\-])", Options, TimeoutMilliseconds)]
    public static partial Regex OpenAiKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9_])", Options, TimeoutMilliseconds)]
    public static partial Regex NpmToken();

    /// <summary>A PEM private key (RSA, EC, OPENSSH, PGP…); when the END line is missing, the header and the base64 after it.</summary>
    [GeneratedRegex(@"-----BEGIN[A-Z0-9 ]{0,30}PRIVATE KEY(?: BLOCK)?-----(?:[\s\S]{0,12000}?-----END[A-Z0-9 ]{0,30}PRIVATE KEY(?: BLOCK)?-----|(?:[A-Za-z0-9+/=:\-\s]|\\[nr]){0,12000})", Options, TimeoutMilliseconds)]
    public static partial Regex PrivateKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_\-])eyJ[A-Za-z0-9_\-]{8,4096}\.[A-Za-z0-9_\-]{2,16384}\.[A-Za-z0-9_\-]{0,4096}(?![A-Za-z0-9_\-])", Options, TimeoutMilliseconds)]
    public static partial Regex Jwt();

    /// <summary>The scheme is checked behind "://", so the search starts at the literal and not at every letter.</summary>
    [GeneratedRegex(@"(?<=(?<![A-Za-z0-9+.\-])[A-Za-z][A-Za-z0-9+.\-]{1,30})://[^\s:/?#@'""<>]{0,256}:(?<val>[^\s/?#@'""<>]{1,256})@[A-Za-z0-9.\-\[\]_]{1,255}", Options, TimeoutMilliseconds)]
    public static partial Regex UrlCredentials();

    /// <summary>A value assigned to a secret-sounding name (<c>password=</c>, <c>"api_key": </c>, <c>token:</c>…) or sent as a bearer token.</summary>
    [GeneratedRegex(@"(?:(?:password|passwd|pwd|passphrase|secret|token|api[_\-]?key|apikey|access[_\-]?key|auth[_\-]?key|private[_\-]?key|credentials?)[A-Za-z0-9_.\-]{0,30}[""']?\s{0,5}(?::=|=>|[:=])\s{0,5}[""'`]?|\bbearer\s{1,5})(?<val>[^\s""'`,;()<>\[\]{}]{10,512})", IgnoreCase, TimeoutMilliseconds)]
    public static partial Regex AssignedSecret();

    [GeneratedRegex(@"^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$", IgnoreCase, TimeoutMilliseconds)]
    public static partial Regex Uuid();

    [GeneratedRegex(@"^(?:sha1|sha224|sha256|sha384|sha512|md5|blake2b|sha3-256)[:\-=][0-9a-f]{16,}$", IgnoreCase, TimeoutMilliseconds)]
    public static partial Regex Digest();

    [GeneratedRegex(@"\$\{|\{\{|%\(|^\$[A-Z_]|<[^>]*>|x{4,}|X{4,}|\*{3,}|\.{3}|changeme|example|placeholder|redacted|your[_\-]|replace[_\-]?me|process\.env|os\.environ|getenv", IgnoreCase, TimeoutMilliseconds)]
    public static partial Regex Placeholder();
}
