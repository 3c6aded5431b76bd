namespace Airlock.ControlPlane.Auth;

/// <summary>An authenticated caller (authentication.k8s.io UserInfo).</summary>
public sealed record UserInfo(string Name, IReadOnlyList<string> Groups, string? Uid = null)
{
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Extra { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public bool IsMaster => Groups.Contains("system:masters", StringComparer.Ordinal);

    public const string ServiceAccountPrefix = "system:serviceaccount:";
}
