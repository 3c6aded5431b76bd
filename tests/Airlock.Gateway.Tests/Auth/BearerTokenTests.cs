using System.Text;
using Airlock.Gateway.Auth;

namespace Airlock.Gateway.Tests.Auth;

public sealed class BearerTokenTests
{
    [TestCase(null, null)]
    [TestCase("", null)]
    [TestCase("Basic abc", null)]
    [TestCase("Bearer ", null)]
    [TestCase("Bearer a.b.c", "a.b.c")]
    [TestCase("bearer a.b.c", "a.b.c")]
    public void The_token_comes_only_from_a_bearer_header(string? header, string? expected) =>
        BearerToken.FromHeader(header).Should().Be(expected);

    [TestCase("abc.def.ghi", true)]
    [TestCase("abc.def", false)]
    [TestCase("abc..ghi", false)]
    [TestCase("abc.def.gh i", false)]
    [TestCase("a.b.c.d", false)]
    public void Only_three_base64url_segments_look_like_a_jwt(string token, bool expected) =>
        BearerToken.LooksLikeJwt(token).Should().Be(expected);

    [Test]
    public void The_expiry_is_read_from_the_payload()
    {
        var payload = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"aud":["x"],"exp":1767225600}""")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        BearerToken.Expiry($"e30.{payload}.sig").Should().Be(DateTimeOffset.FromUnixTimeSeconds(1767225600));
    }

    [Test]
    public void An_unreadable_payload_has_no_expiry() => BearerToken.Expiry("e30.!!!.sig").Should().BeNull();
}
