namespace Airlock.ControlPlane.Auth;

/// <summary>Turns a bearer token into a user; null means 401.</summary>
public interface IAuthenticator
{
    UserInfo? AuthenticateBearer(string token);
}
