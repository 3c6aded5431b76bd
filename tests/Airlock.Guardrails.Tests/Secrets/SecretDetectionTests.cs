using Airlock.Guardrails.Secrets;

namespace Airlock.Guardrails.Tests.Secrets;

/// <summary>Each secret type is found with its exact span, wherever it sits in ordinary text.</summary>
public class SecretDetectionTests
{
    private const string PrivateKeyPem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB\naFDrBz9vFqU4yQkRuRM0tgDSZHSdvJOkjKqk9pmg+w==\n-----END RSA PRIVATE KEY-----";

    private static IEnumerable<TestCaseData> Secrets()
    {
        yield return Case(SecretTypes.AwsAccessKey, "AKIAIOSFODNN7EXAMPLE");
        yield return Case(SecretTypes.AwsAccessKey, "ASIAY34FZKBOKMUTVV7A");
        yield return Case(SecretTypes.GitHubToken, "ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d");
        yield return Case(SecretTypes.GitHubToken, "gho_KLzdocJ2isAjIhKtJ0RlgLKOmxgJTeKdNnFR");
        yield return Case(SecretTypes.GitHubToken, "ghs_IBXuDL7DxtpYlSXpfKtHF4vUCsMehGAkWvj7");
        yield return Case(SecretTypes.GitHubToken, "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");
        yield return Case(SecretTypes.GitLabToken, "glpat-WDtkwtDDb-xHKas1VOqg");
        yield return Case(SecretTypes.SlackToken, "xoxb-958439320372-979096376191-JzzzzgEOzdmenCkhvMdgaKjI");
        yield return Case(SecretTypes.SlackWebhook, "https://hooks.slack.com/services/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");
        yield return Case(SecretTypes.StripeKey, "sk_live_bWHtP3fS2qHx6kwXoIIXGvOo");
        yield return Case(SecretTypes.StripeKey, "rk_live_NZYW2mZp0zVZomHFwUbbYrEq");
        yield return Case(SecretTypes.OpenAiKey, "sk-proj-yS5SUkCnD8zRA9a9SkpXz9w3QlY7Zkuvqdt7s8Stqcbnr3yB");
        yield return Case(SecretTypes.OpenAiKey, "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");
        yield return Case(SecretTypes.AnthropicKey, "sk-ant-api03-atws8phP9nhFyJfm5di4PzJ59FHz5r1pY4OjE2jBMptUsGr7CmY-uCu3ZR1zTOlUcR64cXQLioDnkHIfxIq2HZt_PlJhxAA");
        yield return Case(SecretTypes.NpmToken, "npm_B5er8bOfZqfM2oeq3hDavJA76rNicHTp8hkq");
        yield return Case(SecretTypes.GcpApiKey, "AIzagxzNNAL5wIScGebcy8F5n3_YNBDRzrZSgqb");
        yield return Case(SecretTypes.Jwt, "eyJhbGciOiAiSFMyNTYiLCAidHlwIjogIkpXVCJ9.eyJzdWIiOiAiMTIzNDU2Nzg5MCIsICJuYW1lIjogIkphbmUiLCAiaWF0IjogMTUxNjIzOTAyMn0.jG3uhkWKFLf6xuI5aHUQPFeNBTxaQWk8JzFalHlsZfY");
        yield return Case(SecretTypes.PrivateKey, PrivateKeyPem);
        yield return Case(SecretTypes.PrivateKey, "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----");
    }

    private static TestCaseData Case(string type, string secret) => new TestCaseData(type, secret).SetArgDisplayNames(type, secret[..Math.Min(12, secret.Length)]);

    [TestCaseSource(nameof(Secrets))]
    public void Secret_is_found_with_its_type_and_exact_span(string type, string secret)
    {
        var text = $"config follows: {secret} (do not share)";

        var findings = SecretScanner.Find(text);

        findings.Should().ContainSingle().Which.Should().Be(new SecretFinding(type, 16, 16 + secret.Length));
    }

    [TestCaseSource(nameof(Secrets))]
    public void Secret_is_redacted_with_its_type(string type, string secret)
    {
        var redacted = SecretRedactor.Redact($"key={secret}\n");

        redacted.Should().Be($"key=[REDACTED:{type}]\n");
    }

    [TestCase("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")]
    [TestCase("{\"SecretAccessKey\": \"9drTJvcXLB89EXAMPLELB8923FB892xMFI/K7MDE\"}", "9drTJvcXLB89EXAMPLELB8923FB892xMFI/K7MDE")]
    [TestCase("AKIAIOSFODNN7EXAMPLE wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")]
    public void Aws_secret_key_is_found_in_context(string text, string secret)
    {
        var findings = SecretScanner.Find(text);

        findings.Should().ContainEquivalentOf(new SecretFinding(SecretTypes.AwsSecretKey, text.IndexOf(secret, StringComparison.Ordinal), text.IndexOf(secret, StringComparison.Ordinal) + secret.Length));
    }

    [Test]
    public void Gcp_service_account_private_key_is_found_as_such()
    {
        var key = "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\\n-----END PRIVATE KEY-----\\n";
        var json = "{\"type\": \"service_account\", \"project_id\": \"demo\", \"private_key\": \"" + key + "\", \"client_email\": \"bot@demo.iam.gserviceaccount.com\"}";

        var findings = SecretScanner.Find(json);

        findings.Should().ContainSingle().Which.Should().Be(new SecretFinding(SecretTypes.GcpServiceAccountKey, json.IndexOf("-----BEGIN", StringComparison.Ordinal), json.IndexOf(key, StringComparison.Ordinal) + key.Length));
    }

    [TestCase("https://deploy:Tr0ub4dor-3xq9@git.example.com/repo.git", "Tr0ub4dor-3xq9")]
    [TestCase("postgres://app:s3cr3tPassw0rd@db.internal:5432/app", "s3cr3tPassw0rd")]
    [TestCase("amqp://guest:hunter2@rabbit", "hunter2")]
    public void Password_inside_a_url_is_found(string text, string password)
    {
        var start = text.IndexOf(password, StringComparison.Ordinal);

        SecretScanner.Find(text).Should().ContainSingle().Which.Should().Be(new SecretFinding(SecretTypes.UrlCredentials, start, start + password.Length));
    }

    [TestCase("password=Xk9#mQ2$vL7pR4tZ", "Xk9#mQ2$vL7pR4tZ")]
    [TestCase("API_TOKEN: \"bttOofL9H2WjQ5TY4MyWuUFjsUNPjc01\"", "bttOofL9H2WjQ5TY4MyWuUFjsUNPjc01")]
    [TestCase("client_secret = 2rcDkdfrUnW5gcF/Ha6ili8G", "2rcDkdfrUnW5gcF/Ha6ili8G")]
    [TestCase("Authorization: Bearer a8Fj3kL0pQ7zX2vB9nM4cR6tY1wE5uI8", "a8Fj3kL0pQ7zX2vB9nM4cR6tY1wE5uI8")]
    public void Random_value_assigned_to_a_secret_name_is_found_by_the_entropy_rule(string text, string secret)
    {
        var start = text.IndexOf(secret, StringComparison.Ordinal);

        SecretScanner.Find(text).Should().ContainSingle().Which.Should().Be(new SecretFinding(SecretTypes.GenericSecret, start, start + secret.Length));
    }

    [Test]
    public void Specific_type_wins_over_the_entropy_rule_on_the_same_span()
    {
        var findings = SecretScanner.Find("GITHUB_TOKEN=ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d");

        findings.Should().ContainSingle().Which.Type.Should().Be(SecretTypes.GitHubToken);
    }

    [Test]
    public void Several_secrets_are_all_redacted_in_order()
    {
        var text = "a AKIAIOSFODNN7EXAMPLE b npm_B5er8bOfZqfM2oeq3hDavJA76rNicHTp8hkq c";

        SecretRedactor.Redact(text).Should().Be("a [REDACTED:aws-access-key] b [REDACTED:npm-token] c");
    }

    [Test]
    public void Truncated_private_key_without_end_line_is_still_redacted()
    {
        var text = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIIrYSSNQFaA2Hwf1duRSxKtLYX5CB04fSeQ6tF1aY/PuoAoGCCqGSM49\n";

        SecretRedactor.Redact(text).Should().StartWith("[REDACTED:private-key]").And.NotContain("MHcCAQ");
    }
}
