using Airlock.Gateway.Guardrails;

namespace Airlock.Gateway.Tests.Guardrails;

public sealed class ScanCacheTests
{
    [Test]
    public void A_full_cache_drops_the_least_recently_used_half()
    {
        var cache = new ScanCache<string>(capacity: 16);
        for (var i = 0; i < 16; i++) cache.Set(Key(i), "v");
        for (var i = 8; i < 16; i++) cache.TryGet(Key(i), out _);

        cache.Set(Key(99), "v");

        (cache.TryGet(Key(0), out _), cache.TryGet(Key(15), out _), cache.TryGet(Key(99), out _)).Should().Be((false, true, true));
    }

    [Test]
    public void Keys_of_the_same_text_in_two_scopes_differ()
    {
        (ScanKey.Of("a", "text") == ScanKey.Of("b", "text"), ScanKey.Of("a", "text") == ScanKey.Of("a", "text")).Should().Be((false, true));
    }

    private static ScanKey Key(int i) => ScanKey.Of("scope", "text " + i);
}
