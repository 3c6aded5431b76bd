namespace Airlock.Egress.Proxy.Http;

/// <summary>A message body that does not follow its framing (a bad chunk size, a missing CRLF): the connection cannot be trusted further.</summary>
public sealed class HttpFramingException(string message) : Exception(message);
