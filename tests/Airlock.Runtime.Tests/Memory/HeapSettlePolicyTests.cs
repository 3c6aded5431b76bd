using Airlock.Runtime.Memory;

namespace Airlock.Runtime.Tests.Memory;

public sealed class HeapSettlePolicyTests
{
    private const long MiB = 1024 * 1024;
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private static readonly HeapSettlerOptions Options = new()
    {
        QuietAllocationRate = 2 * MiB,
        QuietFor = TimeSpan.FromSeconds(2),
        Growth = 64 * MiB,
        MinInterval = TimeSpan.FromSeconds(30),
    };

    /// <summary>
    /// Feeds a burst (100 MiB/s for 5 s, committed memory growing from <paramref name="fromMiB"/> to 300 MiB), then quiet
    /// seconds; returns the answers to the quiet ones.
    /// </summary>
    private static List<bool> BurstThenQuiet(HeapSettlePolicy policy, int quietSeconds, ref long allocated, long fromMiB = 100)
    {
        policy.Observe(allocated, fromMiB * MiB, Second);
        for (var i = 1; i <= 5; i++)
        {
            allocated += 100 * MiB;
            policy.Observe(allocated, (fromMiB + ((300 - fromMiB) * i / 5)) * MiB, Second);
        }
        var answers = new List<bool>();
        for (var i = 0; i < quietSeconds; i++)
        {
            allocated += MiB / 2;
            answers.Add(policy.Observe(allocated, 300 * MiB, Second));
        }
        return answers;
    }

    [Test]
    public void Compacts_once_the_process_has_been_quiet_after_its_memory_grew()
    {
        long allocated = 0;

        var answers = BurstThenQuiet(new HeapSettlePolicy(Options), quietSeconds: 3, ref allocated);

        answers.Should().Equal(false, true, true);
    }

    [Test]
    public void Does_not_compact_while_the_process_keeps_allocating()
    {
        var policy = new HeapSettlePolicy(Options);
        long allocated = 0;
        policy.Observe(allocated, 100 * MiB, Second);

        var answers = Enumerable.Range(1, 10).Select(i => policy.Observe(allocated += 10 * MiB, (100 + (i * 20)) * MiB, Second)).ToList();

        answers.Should().OnlyContain(a => !a);
    }

    [Test]
    public void Does_not_compact_a_quiet_process_whose_memory_did_not_grow()
    {
        var policy = new HeapSettlePolicy(Options);

        var answers = Enumerable.Range(0, 10).Select(i => policy.Observe(i * 1024, 150 * MiB, Second)).ToList();

        answers.Should().OnlyContain(a => !a);
    }

    [Test]
    public void Does_not_compact_again_before_the_minimum_interval()
    {
        var policy = new HeapSettlePolicy(Options);
        long allocated = 0;
        BurstThenQuiet(policy, quietSeconds: 2, ref allocated);
        policy.Settled(100 * MiB);

        var again = BurstThenQuiet(policy, quietSeconds: 10, ref allocated);

        again.Should().OnlyContain(a => !a, "the second burst ends 16 s after the first compaction");
    }

    [Test]
    public void Growth_counts_from_the_memory_committed_after_the_last_compaction()
    {
        var policy = new HeapSettlePolicy(Options with { MinInterval = TimeSpan.Zero });
        long allocated = 0;
        BurstThenQuiet(policy, quietSeconds: 2, ref allocated);
        policy.Settled(280 * MiB);

        var again = BurstThenQuiet(policy, quietSeconds: 3, ref allocated, fromMiB: 280);

        again.Should().OnlyContain(a => !a, "300 MiB is only 20 MiB above the 280 MiB left by the compaction");
    }
}
