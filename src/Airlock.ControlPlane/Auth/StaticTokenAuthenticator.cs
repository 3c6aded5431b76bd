using System.Security.Cryptography;
using System.Text;

namespace Airlock.ControlPlane.Auth;

/// <summary>Static bearer tokens (the kubeconfig's users), compared in constant time.</summary>
public sealed class StaticTokenAuthenticator(IReadOnlyList<StaticUser> users)
{
    private readonly (StaticUser User, byte[] Digest)[] _users =
        users.Where(u => u.Token.Length > 0).Select(u => (u, Digest(u.Token))).ToArray();

    /// <summary>The user whose token this is (with <c>system:authenticated</c>), or null.</summary>
    public UserInfo? Authenticate(string token)
    {
        // Compare fixed-length digests and visit every user, so timing reveals neither a prefix nor which user matched.
        var digest = Digest(token);
        StaticUser? match = null;
        foreach (var (user, expected) in _users)
        {
            if (CryptographicOperations.FixedTimeEquals(digest, expected)) match ??= user;
        }
        if (match is null) return null;
        var groups = match.Groups.Contains("system:authenticated", StringComparer.Ordinal) ? match.Groups : [.. match.Groups, "system:authenticated"];
        return new UserInfo(match.Name, groups);
    }

    private static byte[] Digest(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
