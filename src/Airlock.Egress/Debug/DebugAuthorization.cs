namespace Airlock.Egress.Debug;

/// <summary>The answer to a debug request: who asked, and whether they may (<see cref="Reason"/> says why not).</summary>
public sealed record DebugAuthorization(bool Allowed, string? User, string Reason)
{
    public static DebugAuthorization Deny(string reason, string? user = null) => new(false, user, reason);
}
