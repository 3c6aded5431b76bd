using System.Text.Json;

namespace Airlock.Gateway.Redaction;

/// <summary>
/// An event leaving a <see cref="StreamRedactor"/>: the bytes to send, its parsed data when unchanged (the receiver disposes
/// it; null when the event was rewritten or is not JSON), and whether it is only to be seen, not sent.
/// </summary>
public sealed record ReleasedEvent(byte[] Bytes, JsonDocument? Data, bool Drop);
