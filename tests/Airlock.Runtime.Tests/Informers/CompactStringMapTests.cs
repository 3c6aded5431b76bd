using Airlock.Runtime.Informers;

namespace Airlock.Runtime.Tests.Informers;

public class CompactStringMapTests
{
    [Test]
    public void Entries_are_found_by_key_and_enumerated_in_insertion_order()
    {
        var map = new CompactStringMap { ["b"] = "2", ["a"] = "1" };

        map["a"].Should().Be("1");
        map.TryGetValue("b", out var b).Should().BeTrue();
        b.Should().Be("2");
        map.Select(p => p.Key).Should().Equal("b", "a");
    }

    [Test]
    public void Setting_an_existing_key_replaces_its_value()
    {
        var map = new CompactStringMap { ["a"] = "1" };
        map["a"] = "2";

        map.Should().ContainSingle().Which.Value.Should().Be("2");
    }

    [Test]
    public void Adding_an_existing_key_is_refused()
    {
        var map = new CompactStringMap { ["a"] = "1" };

        var act = () => map.Add("a", "2");

        act.Should().Throw<ArgumentException>();
    }

    [Test]
    public void Removing_a_key_keeps_the_others_in_order()
    {
        var map = new CompactStringMap { ["a"] = "1", ["b"] = "2", ["c"] = "3" };

        map.Remove("b").Should().BeTrue();

        map.Select(p => p.Key).Should().Equal("a", "c");
        map.ContainsKey("b").Should().BeFalse();
    }

    [Test]
    public void A_missing_key_throws_on_the_indexer()
    {
        var map = new CompactStringMap();

        var act = () => map["missing"];

        act.Should().Throw<KeyNotFoundException>();
    }
}
