namespace Airlock.Gateway.Auth;

public enum TokenReviewStatus
{
    Authenticated = 0,
    Rejected = 1,
    Unavailable = 2,
}
