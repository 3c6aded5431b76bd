namespace Airlock.Gateway.Tasks;

/// <summary>Either the caller's task or why the caller is refused (an error code and a message).</summary>
public sealed record TaskResolution(CallerTask? Task, string? Code, string? Message)
{
    public static TaskResolution Found(CallerTask task) => new(task, null, null);

    public static TaskResolution Refused(string code, string message) => new(null, code, message);
}
