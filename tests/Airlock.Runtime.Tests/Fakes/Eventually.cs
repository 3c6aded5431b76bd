namespace Airlock.Runtime.Tests.Fakes;

/// <summary>Waits for a condition with a generous deadline (never asserts on timing).</summary>
public static class Eventually
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    public static async Task TrueAsync(Func<bool> condition, string because)
    {
        var until = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            if (DateTime.UtcNow > until) Assert.Fail("Condition not met within the deadline: " + because);
            await Task.Delay(10);
        }
    }
}
