using Airlock.ControlPlane.Kubelet;

namespace Airlock.ControlPlane.Tests.Kubelet;

public class PodAddressPoolTests
{
    [Test]
    public void First_addresses_start_at_127_1_0_1()
    {
        var pool = new PodAddressPool();
        new[] { pool.Acquire("a"), pool.Acquire("b"), pool.Acquire("c") }.Should().Equal("127.1.0.1", "127.1.0.2", "127.1.0.3");
    }

    [Test]
    public void The_same_owner_keeps_its_address()
    {
        var pool = new PodAddressPool();
        var first = pool.Acquire("a");
        pool.Acquire("b");
        pool.Acquire("a").Should().Be(first);
    }

    [Test]
    public void Addresses_ending_in_0_or_255_are_skipped()
    {
        var pool = new PodAddressPool();
        var addresses = Enumerable.Range(0, 600).Select(i => pool.Acquire($"pod-{i}")).ToList();
        addresses.Should().OnlyHaveUniqueItems();
        addresses.Should().NotContain(a => a.EndsWith(".0", StringComparison.Ordinal) || a.EndsWith(".255", StringComparison.Ordinal));
        addresses[253].Should().Be("127.1.0.254");
        addresses[254].Should().Be("127.1.1.1");
    }

    [Test]
    public void A_released_address_is_reused()
    {
        var pool = new PodAddressPool();
        pool.Acquire("a");
        var b = pool.Acquire("b");
        pool.Acquire("c");
        pool.Release("b");
        pool.Acquire("d").Should().Be(b);
    }

    [Test]
    public void The_lowest_released_address_is_reused_first()
    {
        var pool = new PodAddressPool();
        for (var i = 0; i < 5; i++) pool.Acquire($"p{i}");
        pool.Release("p3");
        pool.Release("p1");
        pool.Acquire("x").Should().Be("127.1.0.2");
        pool.Acquire("y").Should().Be("127.1.0.4");
        pool.Acquire("z").Should().Be("127.1.0.6");
    }

    [Test]
    public void A_pod_keeps_the_address_it_already_carries_after_a_restart()
    {
        var pool = new PodAddressPool();
        pool.Acquire("a", current: "127.1.0.7").Should().Be("127.1.0.7");
        var others = Enumerable.Range(0, 10).Select(i => pool.Acquire($"n{i}")).ToList();
        others.Should().NotContain("127.1.0.7");
    }

    [Test]
    public void A_carried_address_already_held_by_another_pod_is_not_shared()
    {
        var pool = new PodAddressPool();
        var held = pool.Acquire("a");
        pool.Acquire("b", current: held).Should().NotBe(held);
    }

    [TestCase("127.0.0.1")]
    [TestCase("10.0.0.5")]
    [TestCase("127.1.0.255")]
    [TestCase("not-an-ip")]
    public void An_address_outside_the_pool_is_not_kept(string current)
    {
        var pool = new PodAddressPool();
        pool.Acquire("a", current).Should().Be("127.1.0.1");
    }

    [Test]
    public void Releasing_an_unknown_owner_is_harmless()
    {
        var pool = new PodAddressPool();
        pool.Release("ghost");
        pool.Count.Should().Be(0);
    }

    [Test]
    public void Ten_thousand_pods_get_distinct_addresses()
    {
        var pool = new PodAddressPool();
        var addresses = Enumerable.Range(0, 10_000).Select(i => pool.Acquire($"pod-{i}")).ToList();
        addresses.Should().OnlyHaveUniqueItems();
        addresses.Should().OnlyContain(a => PodAddressPool.IsPoolAddress(a));
    }
}
