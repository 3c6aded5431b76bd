namespace Airlock.Egress.Proxy.Http;

/// <summary>
/// A token that fires when neither side has moved a byte for <c>timeout</c> (every read and write calls <see cref="Touch"/>),
/// or when the outer token fires.
/// </summary>
public sealed class IdleDeadline : IDisposable
{
    private readonly CancellationTokenSource _idle = new();
    private readonly CancellationTokenSource _linked;
    private readonly TimeSpan _timeout;

    public IdleDeadline(TimeSpan timeout, CancellationToken outer)
    {
        _timeout = timeout;
        _linked = CancellationTokenSource.CreateLinkedTokenSource(outer, _idle.Token);
        Touch();
    }

    public CancellationToken Token => _linked.Token;

    /// <summary>True when it fired because of silence rather than the outer token.</summary>
    public bool TimedOut => _idle.IsCancellationRequested;

    public void Touch()
    {
        try
        {
            _idle.CancelAfter(_timeout);
        }
        catch (ObjectDisposedException)
        {
            // The exchange is over.
        }
    }

    public void Dispose()
    {
        _linked.Dispose();
        _idle.Dispose();
    }
}
