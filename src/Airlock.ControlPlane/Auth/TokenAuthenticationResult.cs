namespace Airlock.ControlPlane.Auth;

/// <summary>The outcome of authenticating a token for some audiences: a user and the audiences it is valid for, or an error.</summary>
public sealed record TokenAuthenticationResult(UserInfo? User, IReadOnlyList<string> Audiences, string Error)
{
    public bool Authenticated => User is not null;

    public static TokenAuthenticationResult Success(UserInfo user, IReadOnlyList<string> audiences) => new(user, audiences, "");

    public static TokenAuthenticationResult Failure(string error) => new(null, [], error);
}
