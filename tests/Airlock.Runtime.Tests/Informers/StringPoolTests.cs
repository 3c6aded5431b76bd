using Airlock.Runtime.Informers;

namespace Airlock.Runtime.Tests.Informers;

public class StringPoolTests
{
    private static string Fresh(string value) => new(value.AsSpan());

    [Test]
    public void Equal_strings_come_back_as_one_instance()
    {
        var pool = new StringPool();
        var first = pool.Intern(Fresh("airlock-system"));

        pool.Intern(Fresh("airlock-system")).Should().BeSameAs(first);
    }

    [Test]
    public void A_string_in_use_survives_a_generation_change()
    {
        var pool = new StringPool(generationSize: 2);
        var kept = pool.Intern(Fresh("kept"));
        pool.Intern("a");
        pool.Intern("b");

        pool.Intern(Fresh("kept")).Should().BeSameAs(kept);
    }

    [Test]
    public void A_string_unseen_for_two_generations_is_released()
    {
        var pool = new StringPool(generationSize: 2);
        var old = pool.Intern(Fresh("old"));
        foreach (var s in new[] { "a", "b", "c", "d" }) pool.Intern(s);

        pool.Intern(Fresh("old")).Should().NotBeSameAs(old);
    }

    [Test]
    public void The_pool_holds_at_most_two_generations()
    {
        var pool = new StringPool(generationSize: 10);
        for (var i = 0; i < 1000; i++) pool.Intern("s" + i);

        pool.Count.Should().BeLessThanOrEqualTo(20);
    }
}
