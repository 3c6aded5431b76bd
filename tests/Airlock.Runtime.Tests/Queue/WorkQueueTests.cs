using Airlock.Runtime.Queue;

namespace Airlock.Runtime.Tests.Queue;

public class WorkQueueTests
{
    private static async Task<string> TakeAsync(IWorkQueue<string> queue)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var next = await queue.GetAsync(cts.Token);
        next.Shutdown.Should().BeFalse();
        return next.Item;
    }

    [Test]
    public async Task An_item_added_twice_before_it_is_taken_is_handed_out_once()
    {
        var queue = new WorkQueue<string>();
        queue.Add("a");
        queue.Add("b");
        queue.Add("a");

        queue.Length.Should().Be(2);
        (await TakeAsync(queue)).Should().Be("a");
        (await TakeAsync(queue)).Should().Be("b");
    }

    [Test]
    public async Task An_item_readded_while_processed_waits_until_it_is_done()
    {
        var queue = new WorkQueue<string>();
        queue.Add("a");
        var item = await TakeAsync(queue);

        queue.Add(item);
        queue.Length.Should().Be(0, "a second worker must not get an item that is being processed");

        queue.Done(item);
        queue.Length.Should().Be(1);
        (await TakeAsync(queue)).Should().Be("a");
    }

    [Test]
    public async Task A_waiting_worker_gets_an_item_added_later()
    {
        var queue = new WorkQueue<string>();
        var pending = queue.GetAsync().AsTask();
        pending.IsCompleted.Should().BeFalse();

        queue.Add("late");

        (await pending.WaitAsync(Eventually.Deadline)).Item.Should().Be("late");
    }

    [Test]
    public async Task After_shutdown_queued_items_are_still_handed_out_then_shutdown_is_reported()
    {
        var queue = new WorkQueue<string>();
        queue.Add("a");
        queue.ShutDown();
        queue.Add("ignored");

        (await TakeAsync(queue)).Should().Be("a");
        (await queue.GetAsync()).Shutdown.Should().BeTrue();
    }

    [Test]
    public async Task Shutdown_wakes_idle_workers()
    {
        var queue = new WorkQueue<string>();
        var pending = queue.GetAsync().AsTask();

        queue.ShutDown();

        (await pending.WaitAsync(Eventually.Deadline)).Shutdown.Should().BeTrue();
    }

    [Test]
    public async Task Shutdown_with_drain_waits_for_items_in_flight()
    {
        var queue = new WorkQueue<string>();
        queue.Add("a");
        var item = await TakeAsync(queue);

        var drain = queue.ShutDownWithDrainAsync();
        drain.IsCompleted.Should().BeFalse();

        queue.Done(item);
        await drain.WaitAsync(Eventually.Deadline);
    }

    [Test]
    public async Task A_cancelled_waiter_does_not_swallow_an_item()
    {
        var queue = new WorkQueue<string>();
        using (var cts = new CancellationTokenSource())
        {
            var abandoned = queue.GetAsync(cts.Token).AsTask();
            await cts.CancelAsync();
            await FluentActions.Awaiting(() => abandoned).Should().ThrowAsync<OperationCanceledException>();
        }
        var live = queue.GetAsync().AsTask();

        queue.Add("a");

        (await live.WaitAsync(Eventually.Deadline)).Item.Should().Be("a");
    }
}
