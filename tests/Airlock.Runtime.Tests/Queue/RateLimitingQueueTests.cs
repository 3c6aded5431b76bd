using Airlock.Runtime.Queue;

namespace Airlock.Runtime.Tests.Queue;

public class RateLimitingQueueTests
{
    [Test]
    public async Task Delayed_items_come_out_in_order_of_their_due_time()
    {
        var queue = new RateLimitingQueue<string>();
        queue.AddAfter("late", TimeSpan.FromSeconds(3));
        queue.AddAfter("early", TimeSpan.FromMilliseconds(20));

        (await queue.GetAsync().AsTask().WaitAsync(Eventually.Deadline)).Item.Should().Be("early");
        (await queue.GetAsync().AsTask().WaitAsync(Eventually.Deadline)).Item.Should().Be("late");
        queue.ShutDown();
    }

    [Test]
    public async Task A_second_AddAfter_with_an_earlier_time_moves_the_item_forward()
    {
        var queue = new RateLimitingQueue<string>();
        queue.AddAfter("a", TimeSpan.FromHours(1));
        queue.AddAfter("a", TimeSpan.FromMilliseconds(10));

        (await queue.GetAsync().AsTask().WaitAsync(Eventually.Deadline)).Item.Should().Be("a");
        queue.WaitingCount.Should().Be(0);
        queue.ShutDown();
    }

    [Test]
    public async Task An_unscheduled_item_never_comes_out()
    {
        var queue = new RateLimitingQueue<string>();
        queue.AddAfter("dropped", TimeSpan.FromMilliseconds(10));
        queue.AddAfter("kept", TimeSpan.FromMilliseconds(40));

        queue.Unschedule("dropped");

        queue.WaitingCount.Should().Be(1);
        (await queue.GetAsync().AsTask().WaitAsync(Eventually.Deadline)).Item.Should().Be("kept");
        queue.Length.Should().Be(0);
        queue.ShutDown();
    }

    [Test]
    public void An_item_waiting_is_not_in_the_queue_yet()
    {
        var queue = new RateLimitingQueue<string>();
        queue.AddAfter("a", TimeSpan.FromHours(1));

        queue.Length.Should().Be(0);
        queue.WaitingCount.Should().Be(1);
        queue.ShutDown();
    }

    [Test]
    public void AddRateLimited_counts_requeues_until_forgotten()
    {
        var queue = new RateLimitingQueue<string>(new ItemExponentialFailureRateLimiter<string>(TimeSpan.FromHours(1), TimeSpan.FromHours(2)));
        queue.AddRateLimited("a");
        queue.AddRateLimited("a");

        queue.NumRequeues("a").Should().Be(2);
        queue.Forget("a");
        queue.NumRequeues("a").Should().Be(0);
        queue.ShutDown();
    }
}
