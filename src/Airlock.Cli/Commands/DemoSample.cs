namespace Airlock.Cli.Commands;

/// <summary>
/// The demo's own sample: a namespace and one AgentTask that finishes after a few seconds (SIM_EXIT_AFTER, read by the
/// simulated kubelet) and whose sandbox is deleted 3 s later, so the whole life fits on one screen.
/// </summary>
internal static class DemoSample
{
    public const string Namespace = "airlock-demo";
    public const string Task = "hello-agent";
    public const int TtlSeconds = 3;
    public const long TokenSeconds = 600;

    /// <summary>The repository's samples (config/samples), looked for above the working directory and the binary.</summary>
    public static string? FindRepositorySamples()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var samples = Path.Combine(dir.FullName, "config", "samples");
                if (Directory.Exists(samples)) return samples;
            }
        }
        return null;
    }

    public const string Yaml = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: airlock-demo
        ---
        # The namespace config/samples/triage-task.yaml lives in.
        apiVersion: v1
        kind: Namespace
        metadata:
          name: agents
        ---
        apiVersion: agents.airlock.dev/v1alpha1
        kind: AgentTask
        metadata:
          name: hello-agent
          namespace: airlock-demo
        spec:
          image: ghcr.io/acme/hello-agent@sha256:3f1c9b2a7d4e5f60718293a4b5c6d7e8f90123456789abcdef0123456789abcd
          args: ["--max-steps", "10"]
          prompt: |
            Read the repository README and propose one improvement.
          resources: {cpu: "1", memory: 2Gi, ephemeralStorage: 4Gi}
          runtimeClassName: kata-qemu
          timeout: 5m
          ttlSecondsAfterFinished: 3
          tokenExpirationSeconds: 600
          egress:
            - host: api.github.com
              ports: [443]
            - cidr: 10.40.0.0/16
              ports: [5432]
          env:
            - {name: LOG_LEVEL, value: info}
            # Read by the local control plane's simulated kubelet: the "agent" exits 0 after 4 seconds.
            - {name: SIM_EXIT_AFTER, value: 4s}
        """;
}
