using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Airlock.Api;
using Airlock.Api.Tasks;
using Airlock.Gateway.Tests.Support;
using Airlock.Stores.Audit;
using Airlock.Testing;
using k8s;
using k8s.Models;

namespace Airlock.Gateway.Tests.EndToEnd;

/// <summary>
/// The gateway as <c>airlock dev</c> runs it (a separate process: the operator makes the agent's pod, the gateway holds the
/// key from <c>--provider-key-file</c>, the audit log is SQLite in the state directory), called with a token bound to the pod.
/// </summary>
[NonParallelizable]
public sealed class DevGatewayTests
{
    private const string ProviderKey = "sk-dev-provider-key-0001";
    private const string AwsKey = "AKIAZ7QF3KXMPLE4T2VB";

    private FakeProvider _provider = null!;
    private Process _dev = null!;
    private string _state = "";
    private Uri _gateway = null!;
    private string _token = "";
    private readonly HttpClient _http = new();

    [OneTimeSetUp]
    public async Task Start()
    {
        var binary = TestPaths.AirlockBinary;
        if (!File.Exists(binary)) Assert.Ignore($"{binary} is not built (make build, or set AIRLOCK_BIN)");
        _provider = await FakeProvider.StartAsync();
        _state = Directory.CreateTempSubdirectory("airlock-dev-gw-").FullName;
        var keyFile = Path.Combine(_state, "openai.key");
        await File.WriteAllTextAsync(keyFile, ProviderKey + "\n");
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "dev", "--state-dir", Path.Combine(_state, "dev"), "--provider", $"openai={_provider.BaseUrl}", "--provider-key-file", $"openai={keyFile}" })
        {
            start.ArgumentList.Add(a);
        }
        _dev = Process.Start(start)!;
        _ = _dev.StandardOutput.ReadToEndAsync();
        _ = _dev.StandardError.ReadToEndAsync();
        var endpoints = Path.Combine(_state, "dev", "endpoints.json");
        await Eventually.UntilAsync(() => Task.FromResult(File.Exists(endpoints) || _dev.HasExited), "endpoints.json", TimeSpan.FromSeconds(90));
        if (_dev.HasExited) Assert.Fail($"airlock dev exited with {_dev.ExitCode}");
        _gateway = new Uri(JsonNode.Parse(await File.ReadAllTextAsync(endpoints))!["gateway"]!.GetValue<string>());
        using var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(Path.Combine(_state, "dev", "kubeconfig")));
        _token = await RunningAgentTokenAsync(client);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _http.Dispose();
        if (_dev is not null)
        {
            if (!_dev.HasExited) Process.Start("kill", ["-TERM", _dev.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _dev.WaitForExitAsync(deadline.Token);
            _dev.Dispose();
        }
        if (_provider is not null) await _provider.DisposeAsync();
        if (_state.Length > 0) Directory.Delete(_state, recursive: true);
    }

    [TearDown]
    public void Reset() => _provider.Completion = "Hello from the stand-in.";

    [Test]
    public async Task The_provider_gets_the_key_file_and_never_the_agent_token()
    {
        using var response = await ChatAsync();
        var seen = _provider.Last;

        (response.IsSuccessStatusCode, seen.Headers["authorization"], seen.Headers.Values.Concat([seen.Body]).Any(v => v.Contains(_token, StringComparison.Ordinal)))
            .Should().Be((true, "Bearer " + ProviderKey, false));
    }

    [Test]
    public async Task A_key_in_the_answer_reaches_the_agent_redacted()
    {
        _provider.Completion = $"use {AwsKey} to deploy";

        using var response = await ChatAsync();
        var content = (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["choices"]![0]!["message"]!["content"];

        content.Should().Be("use [REDACTED:aws-access-key] to deploy");
    }

    [Test]
    public async Task The_call_is_in_the_sqlite_audit_chain_of_the_state_directory_and_it_verifies()
    {
        (await ChatAsync()).EnsureSuccessStatusCode();

        var (store, error) = await AuditTool.OpenAsync(Path.Combine(_state, "dev"), null, CancellationToken.None);
        store.Should().NotBeNull(error);
        await using (store)
        {
            var calls = await store!.ReadAsync(0, CancellationToken.None).CountAsync(r => r.Kind == "model.call" && r.Task == "gw-agent");
            var verdict = await AuditTool.VerifyAsync(store, TextWriter.Null, CancellationToken.None);

            (calls > 0, verdict).Should().Be((true, AuditTool.Intact));
        }
    }

    private async Task<HttpResponseMessage> ChatAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_gateway, "/v1/chat/completions"))
        {
            Content = new StringContent(GatewayHarness.Chat("gpt-test", "Label issue 42").ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        return await _http.SendAsync(request);
    }

    /// <summary>An AgentTask with model access, Running once the operator made its pod; a token bound to that pod.</summary>
    private static async Task<string> RunningAgentTokenAsync(Kubernetes client)
    {
        const string Ns = "default", Name = "gw-agent";
        var task = new AgentTask
        {
            Metadata = new V1ObjectMeta { Name = Name, NamespaceProperty = Ns },
            Spec = new AgentTaskSpec
            {
                Image = "ghcr.io/acme/agent@sha256:" + new string('a', 64),
                Model = new ModelAccess { Provider = "openai", AllowedModels = ["gpt-test"] },
            },
        };
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(task, AgentsGroup.Name, AgentsGroup.Version, Ns, AgentTask.KubePlural);
        await Eventually.UntilAsync(async () => (await AgentFactory.GetTaskAsync(client, Ns, Name)).Status?.Phase == AgentTaskPhase.Running,
            "the task to run", TimeSpan.FromSeconds(60));
        var pod = await client.CoreV1.ReadNamespacedPodAsync(Name + TaskDirectoryAgentSuffix, Ns);
        return await AgentFactory.IssueTokenAsync(client, Ns, pod.Spec.ServiceAccountName, pod, SandboxContract.TokenAudience);
    }

    private const string TaskDirectoryAgentSuffix = Airlock.Gateway.Tasks.TaskDirectory.AgentSuffix;
}
