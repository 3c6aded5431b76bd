using Airlock.Gateway.Providers;

namespace Airlock.Gateway.Tests.Serving;

public sealed class ProviderFlagsTests
{
    [Test]
    public void Flags_make_providers_with_their_type_and_key_file()
    {
        var (providers, errors) = ProviderFlags.Parse(
            ["openai=https://api.openai.com/v1", "claude=https://api.anthropic.com/v1"], ["claude=/keys/claude"], ["claude=anthropic"]);

        (providers.Select(p => (p.Name, p.Type, p.KeyFile)), errors).Should().BeEquivalentTo(
            (new[] { ("openai", ProviderType.OpenAi, (string?)null), ("claude", ProviderType.Anthropic, "/keys/claude") }, Array.Empty<string>()));
    }

    [Test]
    public void Every_problem_is_reported_at_once()
    {
        var (_, errors) = ProviderFlags.Parse(["bad", "x=ftp://host"], ["y=/k"], ["x=gemini"]);

        errors.Should().HaveCount(4);
    }
}
