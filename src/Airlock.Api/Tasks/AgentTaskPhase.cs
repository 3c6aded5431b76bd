namespace Airlock.Api.Tasks;

/// <summary>The values of <c>status.phase</c>.</summary>
public static class AgentTaskPhase
{
    public const string Pending = "Pending";
    public const string AwaitingApproval = "AwaitingApproval";
    public const string Running = "Running";
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";
    public const string TimedOut = "TimedOut";
    public const string Quarantined = "Quarantined";
    public const string Rejected = "Rejected";

    public static readonly IReadOnlyList<string> All =
        [Pending, AwaitingApproval, Running, Succeeded, Failed, TimedOut, Quarantined, Rejected];

    /// <summary>Terminal phases never change again; the TTL clock starts when one is reached.</summary>
    public static bool IsTerminal(string? phase) =>
        phase is Succeeded or Failed or TimedOut or Quarantined or Rejected;
}
