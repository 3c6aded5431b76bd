namespace Airlock.Egress.Proxy;

/// <summary>
/// The outcome of reading a request head: <see cref="HeadLength"/> bytes of head and <see cref="TotalRead"/> in all
/// (the rest is early body or tunnel data), or a refusal status (408 slow, 431 too large), or 0 for a silent close.
/// </summary>
public readonly record struct HeadReadResult(int HeadLength, int TotalRead, int ErrorStatus)
{
    public bool Ok => ErrorStatus == 0 && HeadLength > 0;
}
