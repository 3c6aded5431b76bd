using Airlock.Guardrails.Secrets;

namespace Airlock.Guardrails.Tests.Secrets;

/// <summary>Things that look like secrets but are not: hashes, digests, UUIDs, commit ids, identifiers, base64 of text, placeholders.</summary>
public class SecretLookAlikeTests
{
    [TestCase("sha1: da39a3ee5e6b4b0d3255bfef95601890afd80709")]
    [TestCase("checksum = e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [TestCase("sha512 cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e")]
    [TestCase("image: nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31")]
    [TestCase("token = sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31")]
    [TestCase("request id 550e8400-e29b-41d4-a716-446655440000 failed")]
    [TestCase("secret_id: 550e8400-e29b-41d4-a716-446655440000")]
    [TestCase("commit 3f786850e387550fdab836ed7e6dc881de23001b")]
    [TestCase("token: 3f786850e387550fdab836ed7e6dc881de23001b")]
    [TestCase("password_hash = 5f4dcc3b5aa765d61d8327deb882cf99")]
    [TestCase("token = SGVsbG8gd29ybGQsIHRoaXMgaXMgb3JkaW5hcnkgdGV4dA==")]
    [TestCase("data: SGVsbG8gd29ybGQsIHRoaXMgaXMgb3JkaW5hcnkgdGV4dA==")]
    [TestCase("tokenizer = AutoTokenizer.from_pretrained(model_name)")]
    [TestCase("password = os.environ[\"DB_PASSWORD\"]")]
    [TestCase("api_key: ${OPENAI_API_KEY}")]
    [TestCase("password: <your-password-here>")]
    [TestCase("secret: changeme-before-deploying")]
    [TestCase("token_count = 12345678901234")]
    [TestCase("max_tokens: 4096, secret_name: database-credentials")]
    [TestCase("postgres://app@localhost:5432/app")]
    [TestCase("https://user:${DB_PASSWORD}@db.example.com")]
    [TestCase("see https://github.com/org/repo/commit/3f786850e387550fdab836ed7e6dc881de23001b")]
    [TestCase("The task-sk-learning-pipeline ran sk-learn model training.")]
    [TestCase("pk_live_51HqLyjWDarjtT1zdp7dcXa6 is the publishable key")]
    [TestCase("eyJub3QiOiJhIGp3dCJ9.eyJ4IjoxfQ.abc is base64 json but no alg")]
    [TestCase("A plain sentence about passwords, tokens and secrets in general.")]
    public void Look_alike_is_not_flagged(string text)
    {
        SecretScanner.Find(text).Should().BeEmpty();
    }

    [Test]
    public void Text_without_secrets_is_returned_unchanged_by_redaction()
    {
        const string text = "commit 3f786850e387550fdab836ed7e6dc881de23001b by 550e8400-e29b-41d4-a716-446655440000";

        SecretRedactor.Redact(text).Should().BeSameAs(text);
    }
}
