using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Airlock.Gateway.Guardrails;
using Airlock.Gateway.Serving;

namespace Airlock.Gateway.Redaction;

/// <summary>
/// Redacts secrets from a streamed answer without buffering it: each event is held only until every piece of model text in
/// it is decided by its <see cref="TextChannel"/> (usually until the next chunk shows where the word ends), then leaves in
/// order, byte for byte when nothing was found, else with the text fields rewritten. A channel is decided whole when its
/// choice or content block ends, and everything when the stream ends. An event whose data is not JSON is searched as text.
/// </summary>
public sealed class StreamRedactor(GuardrailEngine engine, ModelRoute route)
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Dictionary<string, TextChannel> _channels = new(StringComparer.Ordinal);
    private readonly Queue<HeldEvent> _held = new();
    private readonly List<StreamText.Fragment> _fragments = [];
    private readonly List<string> _ended = [];
    private readonly List<string> _types = [];

    /// <summary>The secret types cut out of the stream so far.</summary>
    public IReadOnlyList<string> SecretTypes => _types;

    /// <summary>Events waiting for the end of a word.</summary>
    public int HeldCount => _held.Count;

    /// <summary>
    /// Takes one complete event (<paramref name="eventBytes"/>, owned by the redactor from now on) with its parsed data
    /// (null when it is not JSON; the document is disposed by the redactor) and adds the events that may leave now to
    /// <paramref name="released"/>. A <paramref name="drop"/> event is released (so its data is still seen) but not sent.
    /// </summary>
    public void Add(byte[] eventBytes, JsonDocument? data, bool drop, List<ReleasedEvent> released)
    {
        var held = new HeldEvent(eventBytes, data, drop);
        if (data is null)
        {
            held.Replacement = RedactRaw(eventBytes);
        }
        else
        {
            _fragments.Clear();
            _ended.Clear();
            StreamText.Extract(route, data.RootElement, _fragments, _ended);
            foreach (var fragment in _fragments)
            {
                if (!_channels.TryGetValue(fragment.Channel, out var channel)) _channels[fragment.Channel] = channel = new TextChannel();
                var (start, end) = channel.Append(fragment.Text);
                held.Pieces.Add(new Piece(channel, fragment.Path, start, end));
            }
            foreach (var fragment in _fragments) Decide(_channels[fragment.Channel], Ends(fragment.Channel));
            foreach (var (name, channel) in _channels)
            {
                if (Ends(name)) Decide(channel, final: true);
            }
        }
        _held.Enqueue(held);
        Release(released);
    }

    /// <summary>The stream ended: decides every channel and releases every held event.</summary>
    public void Flush(List<ReleasedEvent> released)
    {
        foreach (var channel in _channels.Values) Decide(channel, final: true);
        Release(released);
    }

    private bool Ends(string channel)
    {
        foreach (var prefix in _ended)
        {
            if (channel.StartsWith(prefix, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private void Decide(TextChannel channel, bool final)
    {
        var before = channel.Findings.Count;
        if (channel.Advance(engine, final) == 0) return;
        for (var i = before; i < channel.Findings.Count; i++)
        {
            if (!_types.Contains(channel.Findings[i].Type)) _types.Add(channel.Findings[i].Type);
        }
    }

    private void Release(List<ReleasedEvent> released)
    {
        while (_held.Count > 0 && IsDecided(_held.Peek())) released.Add(Render(_held.Dequeue()));
    }

    private static bool IsDecided(HeldEvent held)
    {
        foreach (var piece in held.Pieces)
        {
            if (piece.Channel.Decided < piece.End) return false;
        }
        return true;
    }

    private static ReleasedEvent Render(HeldEvent held)
    {
        if (held.Replacement is { } raw) return new ReleasedEvent(raw, null, held.Drop);
        List<(object[] Path, string Text)>? changes = null;
        foreach (var piece in held.Pieces)
        {
            if (piece.Channel.Render(piece.Start, piece.End) is { } text) (changes ??= []).Add((piece.Path, text));
        }
        if (changes is null) return new ReleasedEvent(held.Bytes, held.Data, held.Drop);
        held.Data?.Dispose();
        var node = JsonNode.Parse(SseEvents.Data(held.Bytes).Span)!;
        foreach (var (path, text) in changes) Set(node, path, text);
        var json = node.ToJsonString(Relaxed);
        return new ReleasedEvent(SseEvents.WithData(held.Bytes, json), null, held.Drop);
    }

    private static void Set(JsonNode node, object[] path, string text)
    {
        var parent = node;
        for (var i = 0; i < path.Length - 1; i++) parent = path[i] is int index ? parent![index] : parent![(string)path[i]];
        if (path[^1] is string name) parent![name] = text;
    }

    /// <summary>An event that is not JSON, searched as text (null when clean).</summary>
    private byte[]? RedactRaw(byte[] eventBytes)
    {
        var text = Encoding.UTF8.GetString(eventBytes);
        var findings = engine.FindSecrets(text);
        if (findings.Count == 0) return null;
        foreach (var finding in findings)
        {
            if (!_types.Contains(finding.Type)) _types.Add(finding.Type);
        }
        return Encoding.UTF8.GetBytes(Airlock.Guardrails.Secrets.SecretRedactor.Redact(text, findings));
    }

    private readonly record struct Piece(TextChannel Channel, object[] Path, int Start, int End);

    private sealed class HeldEvent(byte[] bytes, JsonDocument? data, bool drop)
    {
        public byte[] Bytes { get; } = bytes;

        public JsonDocument? Data { get; } = data;

        public bool Drop { get; } = drop;

        public List<Piece> Pieces { get; } = [];

        public byte[]? Replacement { get; set; }
    }
}
