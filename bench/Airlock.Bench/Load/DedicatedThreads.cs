namespace Airlock.Bench.Load;

/// <summary>
/// Runs load-generator loops on their own threads (blocking sockets), apart from the thread pool that serves the
/// components under test in the same process.
/// </summary>
public static class DedicatedThreads
{
    public static Task Run(int count, Action<int> body, string name)
    {
        var tasks = new Task[count];
        for (var i = 0; i < count; i++)
        {
            var index = i;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var thread = new Thread(() =>
            {
                try
                {
                    body(index);
                    done.SetResult();
                }
                catch (Exception e)
                {
                    done.SetException(e);
                }
            })
            { IsBackground = true, Name = $"{name}-{index}" };
            thread.Start();
            tasks[i] = done.Task;
        }
        return Task.WhenAll(tasks);
    }
}
