namespace Airlock.ControlPlane.Tests.Kubelet;

/// <summary>Polls a condition until it holds or a generous deadline passes (then the test fails).</summary>
internal static class Eventually
{
    public static async Task Until(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (!condition())
        {
            if (DateTimeOffset.UtcNow > deadline) Assert.Fail("condition not met before the deadline");
            await Task.Delay(20);
        }
    }

    public static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var value = await read();
            if (condition(value)) return value;
            if (DateTimeOffset.UtcNow > deadline) Assert.Fail($"condition not met before the deadline; last value: {value}");
            await Task.Delay(50);
        }
    }
}
