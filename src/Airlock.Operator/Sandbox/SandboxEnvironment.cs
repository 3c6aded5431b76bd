using Airlock.Api.Tasks;
using k8s.Models;

namespace Airlock.Operator.Sandbox;

/// <summary>Environment of the agent container: Airlock's own variables first, then the task's literal ones.</summary>
public static class SandboxEnvironment
{
    public static List<V1EnvVar> For(AgentTask task, SandboxSettings settings)
    {
        var gateway = settings.GatewayUrl.TrimEnd('/');
        var noProxy = new Uri(gateway).Host;
        if (task.Spec.Permissions is { Count: > 0 }) noProxy += ",kubernetes.default.svc";
        var env = new List<V1EnvVar>
        {
            Env(SandboxContract.TaskNameEnv, task.Metadata.Name),
            Env(SandboxContract.GatewayUrlEnv, gateway),
            Env(SandboxContract.OpenAiBaseUrlEnv, gateway + "/v1"),
            Env(SandboxContract.TokenFileEnv, SandboxContract.TokenPath),
            Env(SandboxContract.PromptFileEnv, SandboxContract.PromptPath),
            // Both spellings: curl and Python read the lower-case ones, Go and Node the upper-case ones.
            Env(SandboxContract.HttpsProxyEnv, settings.EgressProxyUrl),
            Env(SandboxContract.HttpProxyEnv, settings.EgressProxyUrl),
            Env(SandboxContract.NoProxyEnv, noProxy),
            Env("https_proxy", settings.EgressProxyUrl),
            Env("http_proxy", settings.EgressProxyUrl),
            Env("no_proxy", noProxy),
            Env("HOME", SandboxContract.WorkspacePath),
            Env("TMPDIR", SandboxContract.WorkspacePath),
        };
        var own = env.Select(e => e.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // Validation refuses reserved names; dropping them here too keeps the proxy settings intact if validation was skipped.
        env.AddRange((task.Spec.Env ?? [])
            .Where(e => !SandboxContract.IsReservedEnvName(e.Name) && !own.Contains(e.Name))
            .Select(e => Env(e.Name, e.Value ?? "")));
        return env;
    }

    private static V1EnvVar Env(string name, string value) => new() { Name = name, Value = value };
}
