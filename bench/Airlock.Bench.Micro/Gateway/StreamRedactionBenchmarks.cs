using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Airlock.Gateway.Guardrails;
using Airlock.Gateway.Redaction;
using Airlock.Gateway.Serving;
using Airlock.Guardrails;
using BenchmarkDotNet.Attributes;

namespace Airlock.Bench.Micro.Gateway;

/// <summary>A streamed answer of ~2,000 characters in chunks of ~4 (as models stream), through the redactor: the whole stream's cost.</summary>
[MemoryDiagnoser]
public class StreamRedactionBenchmarks
{
    private readonly GuardrailEngine _engine = new(GuardrailScanner.Default);
    private readonly List<ReleasedEvent> _released = [];
    private byte[][] _events = [];

    [GlobalSetup]
    public void Setup()
    {
        var text = string.Concat(Enumerable.Repeat("The build fails because the linker cannot find libssl after the toolchain upgrade. ", 24));
        _events = [.. Enumerable.Range(0, (text.Length + 3) / 4).Select(i => Encoding.UTF8.GetBytes("data: " + new JsonObject
        {
            ["id"] = "chatcmpl-1",
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = new JsonObject { ["content"] = text.Substring(i * 4, Math.Min(4, text.Length - i * 4)) } }),
        }.ToJsonString() + "\n\n"))];
    }

    [Benchmark]
    public int WholeStream()
    {
        var redactor = new StreamRedactor(_engine, ModelRoute.ChatCompletions);
        _released.Clear();
        foreach (var e in _events) redactor.Add(e, JsonDocument.Parse(SseEvents.Data(e)), false, _released);
        redactor.Flush(_released);
        foreach (var r in _released) r.Data?.Dispose();
        return _released.Count;
    }
}
