using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Airlock.Api;
using Airlock.Api.Tasks;
using Airlock.Gateway.Tasks;
using Airlock.Testing;
using Airlock.Testing.Providers;
using k8s;
using k8s.Models;

namespace Airlock.Gateway.Tests.Support;

/// <summary>
/// <c>airlock dev</c> as a separate process with a stand-in provider (its key from <c>--provider-key-file</c>) and a Running
/// AgentTask whose pod-bound token <see cref="Token"/> calls the gateway. Extra arguments go after the provider flags.
/// </summary>
public sealed class DevGatewayProcess : IAsyncDisposable
{
    public const string ProviderKey = "sk-dev-provider-key-0001";
    private const string Ns = "default", TaskName = "gw-agent";

    private readonly HttpClient _http = new();
    private Process? _dev;

    private DevGatewayProcess(StandInProvider provider, string state)
    {
        Provider = provider;
        State = state;
    }

    public StandInProvider Provider { get; }

    /// <summary>The temporary directory; <c>airlock dev</c>'s state directory is its <c>dev</c> subdirectory.</summary>
    public string State { get; }

    public string StateDirectory => Path.Combine(State, "dev");

    public Uri Gateway { get; private set; } = null!;

    public string Token { get; private set; } = "";

    public static async Task<DevGatewayProcess> StartAsync(params string[] extraArgs)
    {
        var binary = TestPaths.AirlockBinary;
        if (!File.Exists(binary)) Assert.Ignore($"{binary} is not built (make build, or set AIRLOCK_BIN)");
        var dev = new DevGatewayProcess(await StandInProvider.StartAsync(), Directory.CreateTempSubdirectory("airlock-dev-gw-").FullName);
        try
        {
            await dev.LaunchAsync(binary, extraArgs);
            return dev;
        }
        catch
        {
            await dev.DisposeAsync();
            throw;
        }
    }

    public async Task<HttpResponseMessage> ChatAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Gateway, "/v1/chat/completions"))
        {
            Content = new StringContent(GatewayHarness.Chat("gpt-test", "Label issue 42").ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return await _http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (_dev is not null)
        {
            if (!_dev.HasExited) Process.Start("kill", ["-TERM", _dev.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _dev.WaitForExitAsync(deadline.Token);
            _dev.Dispose();
        }
        await Provider.DisposeAsync();
        Directory.Delete(State, recursive: true);
    }

    private async Task LaunchAsync(string binary, string[] extraArgs)
    {
        var keyFile = Path.Combine(State, "openai.key");
        await File.WriteAllTextAsync(keyFile, ProviderKey + "\n");
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] args = ["dev", "--state-dir", StateDirectory, "--provider", $"openai={Provider.BaseUrl}", "--provider-key-file", $"openai={keyFile}", .. extraArgs];
        foreach (var a in args) start.ArgumentList.Add(a);
        _dev = Process.Start(start)!;
        _ = _dev.StandardOutput.ReadToEndAsync();
        var stderr = _dev.StandardError.ReadToEndAsync();
        var endpoints = Path.Combine(StateDirectory, "endpoints.json");
        await Eventually.UntilAsync(() => Task.FromResult(File.Exists(endpoints) || _dev.HasExited), "endpoints.json", TimeSpan.FromSeconds(90));
        if (_dev.HasExited) Assert.Fail($"airlock dev exited with {_dev.ExitCode}: {await stderr}");
        Gateway = new Uri(JsonNode.Parse(await File.ReadAllTextAsync(endpoints))!["gateway"]!.GetValue<string>());
        using var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(Path.Combine(StateDirectory, "kubeconfig")));
        Token = await RunningAgentTokenAsync(client);
    }

    /// <summary>An AgentTask with model access, Running once the operator made its pod; a token bound to that pod.</summary>
    private static async Task<string> RunningAgentTokenAsync(Kubernetes client)
    {
        var task = new AgentTask
        {
            Metadata = new V1ObjectMeta { Name = TaskName, NamespaceProperty = Ns },
            Spec = new AgentTaskSpec
            {
                Image = "ghcr.io/acme/agent@sha256:" + new string('a', 64),
                Model = new ModelAccess { Provider = "openai", AllowedModels = ["gpt-test"] },
            },
        };
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(task, AgentsGroup.Name, AgentsGroup.Version, Ns, AgentTask.KubePlural);
        await Eventually.UntilAsync(async () => (await AgentFactory.GetTaskAsync(client, Ns, TaskName)).Status?.Phase == AgentTaskPhase.Running,
            "the task to run", TimeSpan.FromSeconds(60));
        var pod = await client.CoreV1.ReadNamespacedPodAsync(TaskName + TaskDirectory.AgentSuffix, Ns);
        return await AgentFactory.IssueTokenAsync(client, Ns, pod.Spec.ServiceAccountName, pod, SandboxContract.TokenAudience);
    }
}
