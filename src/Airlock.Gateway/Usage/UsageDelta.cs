namespace Airlock.Gateway.Usage;

/// <summary>Model usage of one task not yet written to its status (updated with Interlocked by concurrent calls).</summary>
public sealed class UsageDelta
{
    private long _requests;
    private long _promptTokens;
    private long _completionTokens;

    public long Requests => Interlocked.Read(ref _requests);

    public long PromptTokens => Interlocked.Read(ref _promptTokens);

    public long CompletionTokens => Interlocked.Read(ref _completionTokens);

    public bool IsEmpty => Requests == 0 && PromptTokens == 0 && CompletionTokens == 0;

    public void Add(long requests, long promptTokens, long completionTokens)
    {
        Interlocked.Add(ref _requests, requests);
        Interlocked.Add(ref _promptTokens, promptTokens);
        Interlocked.Add(ref _completionTokens, completionTokens);
    }

    /// <summary>Takes the counts out, leaving zero (what a flush writes).</summary>
    public (long Requests, long PromptTokens, long CompletionTokens) Take() =>
        (Interlocked.Exchange(ref _requests, 0), Interlocked.Exchange(ref _promptTokens, 0), Interlocked.Exchange(ref _completionTokens, 0));
}
