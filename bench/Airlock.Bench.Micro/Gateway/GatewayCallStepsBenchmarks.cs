using System.Text;
using Airlock.Gateway.Auditing;
using Airlock.Gateway.Guardrails;
using Airlock.Gateway.Redaction;
using Airlock.Gateway.Serving;
using Airlock.Guardrails;
using Airlock.Stores.Audit;
using BenchmarkDotNet.Attributes;

namespace Airlock.Bench.Micro.Gateway;

/// <summary>
/// The CPU steps of one model call through the gateway, one by one, on the body <c>make bench</c> sends: where the
/// gateway's added latency goes apart from the network hops and the audit commit.
/// </summary>
[MemoryDiagnoser]
public class GatewayCallStepsBenchmarks
{
    private const string NewMessage = """{"role":"user","content":"Label this issue: the build fails on a missing dependency. lat-g-42"}""";

    private static readonly byte[] Answer = Encoding.UTF8.GetBytes(
        """{"id":"chatcmpl-bench","object":"chat.completion","model":"gpt-4.1-mini","choices":[{"index":0,"message":{"role":"assistant","content":"Label: bug. The build fails on a missing dependency."},"finish_reason":"stop"}],"usage":{"prompt_tokens":24,"completion_tokens":12,"total_tokens":36}}""");

    private readonly GuardrailCheck _guardrails = new(GuardrailScanner.Default, new Airlock.Gateway.Guardrails.GuardrailOptions());
    private byte[] _body = null!;
    private ModelRequest _request = null!;
    private ModelCallFacts _facts = null!;
    private int _scope;

    /// <summary>Turns of earlier conversation resent with the new message (0: the short call of <c>make bench</c>; 20: ~22 KB).</summary>
    [Params(0, 20)]
    public int Turns { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var earlier = Turns == 0 ? """{"role":"system","content":"You label GitHub issues."}""" : Conversation(Turns);
        _body = Encoding.UTF8.GetBytes($$"""{"model":"gpt-4.1-mini","messages":[{{earlier}},{{NewMessage}}]}""");
        _request = ModelRequestReader.Read(ModelRoute.ChatCompletions, _body)!;
        var (verdict, prompt) = _guardrails.CheckPrompt("warm", _request.Parts);
        _facts = new ModelCallFacts
        {
            Namespace = "agents",
            Task = "caller",
            Pod = "caller-agent",
            Route = "chat.completions",
            Provider = "openai",
            Model = "gpt-4.1-mini",
            Status = 200,
            PromptTokens = 24,
            CompletionTokens = 12,
            Prompt = prompt,
            Completion = "Label: bug. The build fails on a missing dependency.",
            Guardrails = verdict,
            LatencyMs = 0.42,
        };
    }

    [Benchmark]
    public ModelRequest? ReadRequest() => ModelRequestReader.Read(ModelRoute.ChatCompletions, _body);

    /// <summary>Both messages new to the task: every part scanned (secrets everywhere, injection in the user message).</summary>
    [Benchmark]
    public GuardrailVerdict CheckPromptFirstSeen() => _guardrails.CheckPrompt("scope-" + _scope++, _request.Parts).Verdict;

    /// <summary>The same messages again (an agent resending its history): answered from the scan cache.</summary>
    [Benchmark]
    public GuardrailVerdict CheckPromptSeenBefore() => _guardrails.CheckPrompt("warm", _request.Parts).Verdict;

    [Benchmark]
    public long CollectResponse()
    {
        var collector = new CompletionCollector();
        collector.AddResponse(ModelRoute.ChatCompletions, Answer);
        return collector.PromptTokens;
    }

    /// <summary>The answer searched for secrets before the agent sees it (clean, so sent unchanged).</summary>
    [Benchmark]
    public int RedactAnswer() => ResponseRedactor.Redact(Answer, _guardrails.Engine)!.Value.Body.Length;

    /// <summary>The same conversation as <c>ModelCalls.Conversation</c> in the <c>make bench</c> harness.</summary>
    private static string Conversation(int turns)
    {
        var builder = new StringBuilder("""{"role":"system","content":"You triage GitHub issues. Use the tools to read the repository."},{"role":"user","content":"Triage issue 4211: the build fails on a missing dependency."}""");
        for (var i = 0; i < turns; i++)
        {
            builder.Append($$$""",{"role":"assistant","content":null,"tool_calls":[{"id":"call_{{{i}}}","type":"function","function":{"name":"read_file","arguments":"{\"path\":\"src/module{{{i}}}/build.gradle\"}"}}]}""");
            var file = string.Concat(Enumerable.Repeat($"dependencies {{ implementation 'org.example:library-{i}:1.{i}.0' }} // module {i} of the build, ", 10));
            builder.Append($$$""",{"role":"tool","tool_call_id":"call_{{{i}}}","content":"{{{file}}}"}""");
        }
        return builder.ToString();
    }

    [Benchmark]
    public AuditRecord AuditRecord()
    {
        var pending = new PendingAppend(ModelCallAudit.ToEntry(_facts));
        return AuditChain.Link(1, DateTimeOffset.UtcNow, pending.Kind, pending.Namespace, pending.Task, pending.Pod, pending.DataText, AuditChain.GenesisHash);
    }
}
