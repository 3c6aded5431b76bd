namespace Airlock.Testing;

/// <summary>Polls a condition until it holds or a deadline passes (tests wait for conditions, never for fixed times).</summary>
public static class Eventually
{
    public static TimeSpan DefaultTimeout { get; set; } = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>Waits until <paramref name="condition"/> returns true; throws <see cref="TimeoutException"/> naming <paramref name="what"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await condition()) return;
                last = null;
            }
            catch (Exception e)
            {
                last = e;
            }
            await Task.Delay(Interval);
        }
        throw new TimeoutException($"timed out after {timeout ?? DefaultTimeout} waiting for {what}", last);
    }

    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        UntilAsync(() => Task.FromResult(condition()), what, timeout);

    /// <summary>Waits until <paramref name="probe"/> returns a non-null value and returns it.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null)
        where T : class
    {
        T? value = null;
        await UntilAsync(async () => (value = await probe()) is not null, what, timeout);
        return value!;
    }
}
