using Airlock.ControlPlane.Kubelet;

namespace Airlock.ControlPlane.Tests.Kubelet;

public class DeadlineQueueTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void Only_due_keys_are_taken_earliest_first()
    {
        var queue = new DeadlineQueue(TimeProvider.System);
        queue.Schedule("late", T0.AddSeconds(30));
        queue.Schedule("b", T0.AddSeconds(2));
        queue.Schedule("a", T0.AddSeconds(1));

        queue.TakeDue(T0.AddSeconds(5), out var next).Should().Equal("a", "b");
        next.Should().Be(T0.AddSeconds(30));
    }

    [Test]
    public void Rescheduling_earlier_replaces_the_later_time()
    {
        var queue = new DeadlineQueue(TimeProvider.System);
        queue.Schedule("a", T0.AddSeconds(10));
        queue.Schedule("a", T0.AddSeconds(1));

        queue.TakeDue(T0.AddSeconds(1), out var next).Should().Equal("a");
        next.Should().BeNull();
    }

    [Test]
    public void Rescheduling_later_keeps_the_earlier_time()
    {
        var queue = new DeadlineQueue(TimeProvider.System);
        queue.Schedule("a", T0.AddSeconds(1));
        queue.Schedule("a", T0.AddSeconds(10));

        queue.TakeDue(T0.AddSeconds(1), out _).Should().Equal("a");
        queue.Count.Should().Be(0);
    }

    [Test]
    public void A_taken_key_is_not_taken_again()
    {
        var queue = new DeadlineQueue(TimeProvider.System);
        queue.Schedule("a", T0);
        queue.TakeDue(T0, out _);
        queue.TakeDue(T0.AddHours(1), out var next).Should().BeEmpty();
        next.Should().BeNull();
    }

    [Test]
    public async Task The_loop_fires_keys_when_their_time_comes()
    {
        var queue = new DeadlineQueue(TimeProvider.System);
        var fired = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var loop = queue.RunAsync(fired.Enqueue, stop.Token);
        var now = DateTimeOffset.UtcNow;
        queue.Schedule("second", now.AddMilliseconds(200));
        queue.Schedule("first", now.AddMilliseconds(50));

        await Eventually.Until(() => fired.Count == 2);
        await stop.CancelAsync();
        await loop;
        fired.Should().Equal("first", "second");
    }
}
