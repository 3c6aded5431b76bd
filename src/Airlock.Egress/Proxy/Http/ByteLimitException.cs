namespace Airlock.Egress.Proxy.Http;

/// <summary>The task moved more bytes through the proxy than its budget allows; the exchange is cut.</summary>
public sealed class ByteLimitException() : Exception("the task's byte budget is spent");
