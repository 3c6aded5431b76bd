using Airlock.ControlPlane.Kubelet;

namespace Airlock.ControlPlane.Tests.Kubelet;

public class KeyedWorkQueueTests
{
    [Test]
    public async Task A_key_added_twice_is_handed_out_once()
    {
        var queue = new KeyedWorkQueue();
        queue.Add("a");
        queue.Add("a");
        queue.Add("b");
        (await queue.TakeAsync(CancellationToken.None)).Should().Be("a");
        (await queue.TakeAsync(CancellationToken.None)).Should().Be("b");
    }

    [Test]
    public async Task A_key_added_while_processing_comes_back_after_done()
    {
        var queue = new KeyedWorkQueue();
        queue.Add("a");
        var key = await queue.TakeAsync(CancellationToken.None);
        queue.Add("a");
        queue.Add("b");
        (await queue.TakeAsync(CancellationToken.None)).Should().Be("b", "a is still being processed");
        queue.Done(key);
        (await queue.TakeAsync(CancellationToken.None)).Should().Be("a");
    }
}
