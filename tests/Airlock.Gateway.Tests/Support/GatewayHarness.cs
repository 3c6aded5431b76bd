using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Airlock.Api.Tasks;
using Airlock.Gateway.Auth;
using Airlock.Gateway.Hosting;
using Airlock.Gateway.Providers;
using Airlock.Gateway.Serving;
using Airlock.Stores.Audit;
using Airlock.Stores.Limits;
using Airlock.Testing;
using Airlock.Testing.Providers;

namespace Airlock.Gateway.Tests.Support;

/// <summary>
/// A gateway against the shared test cluster and a stand-in provider (providers <c>openai</c> and <c>anthropic</c>, each with
/// its own key file), with the stores a test chooses (in memory by default).
/// </summary>
public sealed class GatewayHarness : IAsyncDisposable
{
    public const string OpenAiKey = "openai-provider-key-0001";
    public const string AnthropicKey = "anthropic-provider-key-0001";

    private readonly List<TestNamespace> _namespaces = [];
    private readonly string _keyDir;
    private readonly bool _ownsProvider;

    private GatewayHarness(TestCluster cluster, StandInProvider provider, bool ownsProvider, string keyDir, IAuditLog audit, ILimitStore limits)
    {
        Cluster = cluster;
        Provider = provider;
        _ownsProvider = ownsProvider;
        _keyDir = keyDir;
        Audit = audit;
        Limits = limits;
    }

    public TestCluster Cluster { get; }

    public StandInProvider Provider { get; }

    public IAuditLog Audit { get; }

    public ILimitStore Limits { get; }

    public GatewayServer Gateway { get; private set; } = null!;

    /// <summary>The signal seal the gateway seals its anomaly Events with (as the operator's Secret would give it).</summary>
    public Runtime.Events.SignalSeal SignalSeal { get; } = Runtime.Events.SignalSeal.Generate();

    public HttpClient Http { get; } = new();

    public string OpenAiKeyFile => Path.Combine(_keyDir, "openai");

    public static async Task<GatewayHarness> StartAsync(
        Func<GatewayOptions, GatewayOptions>? configure = null, IAuditLog? audit = null, ILimitStore? limits = null,
        ITokenReviewer? reviewer = null, StandInProvider? provider = null, Airlock.Guardrails.IGuardrailScanner? scanner = null,
        Microsoft.Extensions.Logging.ILoggerFactory? loggerFactory = null, bool sealSignals = true)
    {
        var cluster = await TestCluster.SharedAsync();
        await AgentFactory.InstallCrdAsync(cluster.Client);
        var ownsProvider = provider is null;
        provider ??= await StandInProvider.StartAsync();
        var keyDir = Directory.CreateTempSubdirectory("airlock-keys-").FullName;
        await File.WriteAllTextAsync(Path.Combine(keyDir, "openai"), OpenAiKey + "\n");
        await File.WriteAllTextAsync(Path.Combine(keyDir, "anthropic"), AnthropicKey);
        var harness = new GatewayHarness(cluster, provider, ownsProvider, keyDir, audit ?? new InMemoryAuditLog(), limits ?? new InMemoryLimitStore());
        var options = new GatewayOptions
        {
            Providers =
            [
                new ProviderOptions("openai", ProviderType.OpenAi, provider.BaseUrl, Path.Combine(keyDir, "openai")),
                new ProviderOptions("anthropic", ProviderType.Anthropic, provider.BaseUrl, Path.Combine(keyDir, "anthropic")),
            ],
            UsageFlushInterval = TimeSpan.FromMinutes(10),
        };
        options = configure?.Invoke(options) ?? options;
        harness.Gateway = await GatewayServer.StartAsync(options, new GatewayDependencies
        {
            Client = cluster.Client,
            Audit = harness.Audit,
            Limits = harness.Limits,
            Scanner = scanner ?? new TestScanner(),
            TokenReviewer = reviewer,
            SignalSeal = sealSignals ? harness.SignalSeal : null,
            LoggerFactory = loggerFactory,
        });
        return harness;
    }

    /// <summary>A Running task in a namespace of its own, once the gateway's caches know it.</summary>
    public async Task<TestAgent> CreateAgentAsync(ModelAccess? model = null, bool waitUntilServed = true)
    {
        var ns = await Cluster.CreateNamespaceAsync("gw");
        _namespaces.Add(ns);
        var agent = await AgentFactory.CreateAsync(Cluster.Client, ns.Name, "task-" + Guid.NewGuid().ToString("N")[..8],
            model ?? new ModelAccess { Provider = "openai", AllowedModels = ["gpt-test"] });
        if (waitUntilServed)
        {
            await Eventually.UntilAsync(async () =>
            {
                using var response = await SendAsync(agent.Token, HttpMethod.Get, "/v1/models", null);
                return response.StatusCode == HttpStatusCode.OK;
            }, "the gateway to serve the new task");
        }
        return agent;
    }

    public Task<HttpResponseMessage> ChatAsync(TestAgent agent, string model = "gpt-test", string content = "hi", bool stream = false) =>
        SendAsync(agent.Token, HttpMethod.Post, "/v1/chat/completions", Chat(model, content, stream));

    public static JsonObject Chat(string model, string content, bool stream = false, int? maxTokens = null)
    {
        var body = new JsonObject
        {
            ["model"] = model,
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = content }),
        };
        if (stream) body["stream"] = true;
        if (maxTokens is { } max) body["max_tokens"] = max;
        return body;
    }

    public async Task<HttpResponseMessage> SendAsync(string? token, HttpMethod method, string path, JsonObject? body,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead, Uri? gateway = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(gateway ?? Gateway.Address, path));
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        return await Http.SendAsync(request, completion);
    }

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) as JsonObject ?? [];

    /// <summary>
    /// The agent's audit records once there are <paramref name="count"/> of them (the gateway finishes the response before it
    /// writes the record, so a caller can see its answer a moment before the record exists).
    /// </summary>
    public async Task<IReadOnlyList<AuditRecord>> AuditRecordsAsync(TestAgent agent, int count = 1)
    {
        List<AuditRecord> records = [];
        await Eventually.UntilAsync(async () =>
        {
            records = await Audit.ReadAsync(0, CancellationToken.None).Where(r => r.Task == agent.Task && r.Namespace == agent.Namespace).ToListAsync();
            return records.Count >= count;
        }, $"{count} audit record(s) of {agent.Task}");
        return records;
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        foreach (var ns in _namespaces) await ns.DisposeAsync();
        if (_ownsProvider) await Provider.DisposeAsync();
        Http.Dispose();
        Directory.Delete(_keyDir, recursive: true);
    }
}
