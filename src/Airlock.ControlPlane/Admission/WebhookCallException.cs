namespace Airlock.ControlPlane.Admission;

/// <summary>A webhook could not be called or answered nonsense; its failurePolicy decides what happens.</summary>
public sealed class WebhookCallException : Exception
{
    public WebhookCallException(string message)
        : base(message)
    {
    }

    public WebhookCallException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public WebhookCallException()
    {
    }
}
