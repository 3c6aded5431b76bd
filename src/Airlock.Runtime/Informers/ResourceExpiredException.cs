namespace Airlock.Runtime.Informers;

/// <summary>The watched resourceVersion is gone (HTTP 410): the informer must list again.</summary>
public sealed class ResourceExpiredException : Exception
{
    public ResourceExpiredException()
        : base("The resourceVersion is too old (410 Gone).")
    {
    }

    public ResourceExpiredException(string message)
        : base(message)
    {
    }

    public ResourceExpiredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
