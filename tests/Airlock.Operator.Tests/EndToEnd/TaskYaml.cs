using System.Globalization;
using System.Text;

namespace Airlock.Operator.Tests.EndToEnd;

/// <summary>AgentTask manifests for the end-to-end tests; SIM_* variables steer the local control plane's simulated kubelet.</summary>
public static class TaskYaml
{
    public const string Image = "ghcr.io/acme/agent@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    public static string For(
        string name,
        string? exitAfter = null,
        int? exitCode = null,
        string? timeout = null,
        int? ttlSeconds = null,
        long? tokenExpirationSeconds = null,
        string prompt = "Say hello.")
    {
        var yaml = new StringBuilder();
        yaml.Append(CultureInfo.InvariantCulture, $"apiVersion: agents.airlock.dev/v1alpha1\nkind: AgentTask\nmetadata:\n  name: {name}\nspec:\n  image: {Image}\n");
        yaml.Append(CultureInfo.InvariantCulture, $"  prompt: {prompt}\n  resources: {{cpu: 500m, memory: 1Gi, ephemeralStorage: 2Gi}}\n  runtimeClassName: kata-clh\n");
        if (timeout is not null) yaml.Append(CultureInfo.InvariantCulture, $"  timeout: {timeout}\n");
        if (ttlSeconds is not null) yaml.Append(CultureInfo.InvariantCulture, $"  ttlSecondsAfterFinished: {ttlSeconds}\n");
        if (tokenExpirationSeconds is not null) yaml.Append(CultureInfo.InvariantCulture, $"  tokenExpirationSeconds: {tokenExpirationSeconds}\n");
        if (exitAfter is not null || exitCode is not null)
        {
            yaml.Append("  env:\n");
            if (exitAfter is not null) yaml.Append(CultureInfo.InvariantCulture, $"    - {{name: SIM_EXIT_AFTER, value: \"{exitAfter}\"}}\n");
            if (exitCode is not null) yaml.Append(CultureInfo.InvariantCulture, $"    - {{name: SIM_EXIT_CODE, value: \"{exitCode}\"}}\n");
        }
        return yaml.ToString();
    }
}
