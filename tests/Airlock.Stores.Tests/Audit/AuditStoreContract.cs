using System.Text.Json.Nodes;
using Airlock.Stores.Audit;

namespace Airlock.Stores.Tests.Audit;

/// <summary>What every audit store must do; one subclass per store.</summary>
public abstract class AuditStoreContract
{
    protected ManualTime Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    protected abstract Task<IAuditStore> OpenAsync();

    /// <summary>Rewrites a stored record's data behind the store's back.</summary>
    protected abstract Task AlterDataAsync(IAuditStore store, long sequence, string dataText);

    /// <summary>Deletes stored records behind the store's back (the head is left alone).</summary>
    protected abstract Task DeleteRawAsync(IAuditStore store, long fromSequence, long toSequence);

    [Test]
    public async Task Appended_records_form_a_chain_that_verifies()
    {
        await using var store = await OpenAsync();
        for (var i = 0; i < 5; i++) await store.AppendAsync(Entry(i), CancellationToken.None);

        var result = await AuditChainVerifier.VerifyAsync(store, CancellationToken.None);

        result.Should().BeEquivalentTo(new { Intact = true, Records = 5L, FirstSequence = 1L, LastSequence = 5L });
    }

    [Test]
    public async Task Each_record_carries_the_hash_of_the_one_before()
    {
        await using var store = await OpenAsync();
        var first = await store.AppendAsync(Entry(1), CancellationToken.None);
        var second = await store.AppendAsync(Entry(2), CancellationToken.None);

        (first.Sequence, first.PreviousHash, second.Sequence, second.PreviousHash)
            .Should().Be((1L, AuditChain.GenesisHash, 2L, first.Hash));
    }

    [Test]
    public async Task Records_read_back_equal_what_was_appended()
    {
        await using var store = await OpenAsync();
        var data = new JsonObject { ["prompt"] = "héllo \"world\" </script> \u2028 😀", ["tokens"] = 12, ["ok"] = true, ["nested"] = new JsonObject { ["a"] = new JsonArray(1, 2.5) } };
        var appended = await store.AppendAsync(new AuditEntry("model.call", "agents", "triage", "triage-agent", data), CancellationToken.None);

        var read = await store.ReadAsync(1, CancellationToken.None).SingleAsync();

        (read.Hash, read.Time, read.Pod, read.Data.ToJsonString()).Should().Be((appended.Hash, appended.Time, "triage-agent", data.ToJsonString()));
    }

    [Test]
    public async Task An_altered_record_is_the_first_broken_sequence()
    {
        await using var store = await OpenAsync();
        for (var i = 0; i < 5; i++) await store.AppendAsync(Entry(i), CancellationToken.None);

        await AlterDataAsync(store, 3, """{"i":"forged"}""");
        var result = await AuditChainVerifier.VerifyAsync(store, CancellationToken.None);

        (result.Intact, result.FirstBrokenSequence).Should().Be((false, 3L));
    }

    [Test]
    public async Task A_removed_record_breaks_the_chain_where_it_was()
    {
        await using var store = await OpenAsync();
        for (var i = 0; i < 5; i++) await store.AppendAsync(Entry(i), CancellationToken.None);

        await DeleteRawAsync(store, 2, 2);
        var result = await AuditChainVerifier.VerifyAsync(store, CancellationToken.None);

        (result.Intact, result.FirstBrokenSequence).Should().Be((false, 2L));
    }

    [Test]
    public async Task A_removed_tail_is_noticed_through_the_chain_head()
    {
        await using var store = await OpenAsync();
        for (var i = 0; i < 5; i++) await store.AppendAsync(Entry(i), CancellationToken.None);

        await DeleteRawAsync(store, 4, 5);
        var result = await AuditChainVerifier.VerifyAsync(store, CancellationToken.None);

        (result.Intact, result.FirstBrokenSequence).Should().Be((false, 4L));
    }

    [Test]
    public async Task A_removed_prefix_without_a_checkpoint_is_noticed()
    {
        await using var store = await OpenAsync();
        for (var i = 0; i < 5; i++) await store.AppendAsync(Entry(i), CancellationToken.None);

        await DeleteRawAsync(store, 1, 2);
        var result = await AuditChainVerifier.VerifyAsync(store, CancellationToken.None);

        (result.Intact, result.FirstBrokenSequence).Should().Be((false, 3L));
    }

    [Test]
    public async Task Pruning_removes_old_records_and_the_chain_still_verifies()
    {
        await using var store = await OpenAsync();
        for (var i = 0; i < 3; i++) await store.AppendAsync(Entry(i), CancellationToken.None);
        Time.Advance(TimeSpan.FromDays(40));
        for (var i = 0; i < 2; i++) await store.AppendAsync(Entry(i), CancellationToken.None);

        var removed = await store.PruneAsync(Time.GetUtcNow() - TimeSpan.FromDays(30), CancellationToken.None);
        var result = await AuditChainVerifier.VerifyAsync(store, CancellationToken.None);

        (removed, result.Intact, result.FirstSequence, result.LastSequence).Should().Be((3L, true, 4L, 6L));
    }

    [Test]
    public async Task Concurrent_appends_extend_one_chain_without_gaps()
    {
        await using var store = await OpenAsync();

        var records = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(() => store.AppendAsync(Entry(i), CancellationToken.None))));
        var result = await AuditChainVerifier.VerifyAsync(store, CancellationToken.None);

        (result.Intact, records.Select(r => r.Sequence).Order().SequenceEqual(Enumerable.Range(1, 100).Select(i => (long)i))).Should().Be((true, true));
    }

    [Test]
    public async Task An_empty_log_verifies()
    {
        await using var store = await OpenAsync();

        var result = await AuditChainVerifier.VerifyAsync(store, CancellationToken.None);

        (result.Intact, result.Records).Should().Be((true, 0L));
    }

    protected static AuditEntry Entry(int i) => new("model.call", "agents", "task-" + i, null, new JsonObject { ["i"] = i });
}
