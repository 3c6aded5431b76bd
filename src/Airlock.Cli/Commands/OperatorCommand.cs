using System.CommandLine;
using System.Runtime.InteropServices;
using Airlock.Api.Tasks;
using Airlock.Operator.Hosting;
using k8s;
using Microsoft.Extensions.Logging;

namespace Airlock.Cli.Commands;

/// <summary>`airlock operator`: the AgentTask operator against a real cluster (kubeconfig, or in-cluster config in a pod).</summary>
internal static class OperatorCommand
{
    public static Command Create()
    {
        var kubeconfig = new Option<string?>("--kubeconfig") { Description = "Path to a kubeconfig; default $KUBECONFIG, ~/.kube/config, then in-cluster config." };
        var context = new Option<string?>("--context") { Description = "The kubeconfig context to use." };
        var metrics = new Option<string>("--metrics-addr") { Description = "host:port for /metrics, /healthz and /readyz; empty disables.", DefaultValueFactory = _ => "127.0.0.1:8080" };
        var leaderElect = new Option<bool>("--leader-elect") { Description = "Reconcile only while holding the Lease airlock-operator (run several replicas)." };
        var ns = new Option<string>("--namespace") { Description = "The operator's namespace (its Lease, the gateway and the egress proxy).", DefaultValueFactory = _ => "airlock-system" };
        var installCrds = new Option<bool>("--install-crds") { Description = "Create or update the Airlock CRDs before starting." };
        var gateway = new Option<string?>("--gateway-url") { Description = "Base URL of the model gateway as agents reach it." };
        var egress = new Option<string?>("--egress-proxy-url") { Description = "URL of the egress proxy (HTTPS_PROXY of every agent)." };
        var webhookAddr = new Option<string>("--webhook-addr") { Description = "host:port of the HTTPS admission webhooks; empty disables them.", DefaultValueFactory = _ => ":9443" };
        var webhookCertDir = new Option<string?>("--webhook-cert-dir") { Description = "Directory with tls.crt and tls.key (cert-manager); default: the operator provisions and rotates its own CA." };
        var audience = new Option<string>("--token-audience")
        {
            Description = "Audience of the agents' projected gateway token; must match the gateway's --token-audience.",
            DefaultValueFactory = _ => SandboxContract.TokenAudience,
        };
        var startTimeout = new Option<string>("--sandbox-start-timeout")
        {
            Description = "How long a sandbox pod may take to be Running before its task fails with SandboxStartTimeout (Go duration).",
            DefaultValueFactory = _ => "10m",
        };
        var cilium = new Option<bool>("--cilium-policies")
        {
            Description = "Also write CiliumNetworkPolicies: sandbox DNS limited to fixed cluster names, egress proxy limited to the hosts of live tasks.",
        };
        var clusterDomain = new Option<string>("--cluster-domain") { Description = "The cluster's DNS domain (for --cilium-policies).", DefaultValueFactory = _ => "cluster.local" };
        var logLevel = GatewayEgressFlags.LogLevel();
        var check = GatewayEgressFlags.CheckConfig();
        var command = new Command("operator", "Run the Airlock operator against a Kubernetes cluster.");
        foreach (var option in new Option[] { kubeconfig, context, metrics, leaderElect, ns, installCrds, gateway, egress, webhookAddr, webhookCertDir, audience, startTimeout, cilium, clusterDomain, logLevel, check })
        {
            command.Options.Add(option);
        }
        command.SetAction((parse, cancellationToken) =>
        {
            var errors = new List<string>();
            OperatorFlags.Namespace(parse.GetValue(ns), errors);
            var metricsEndpoint = OperatorFlags.OptionalAddress("--metrics-addr", parse.GetValue(metrics), errors);
            var webhookEndpoint = OperatorFlags.OptionalAddress("--webhook-addr", parse.GetValue(webhookAddr), errors);
            var certDir = parse.GetValue(webhookCertDir) is { Length: > 0 } certs ? certs : null;
            if (certDir is not null && webhookEndpoint is null) errors.Add("--webhook-cert-dir needs --webhook-addr (the webhooks are disabled)");
            var gatewayUrl = OperatorFlags.Url("--gateway-url", parse.GetValue(gateway), errors);
            var egressUrl = OperatorFlags.Url("--egress-proxy-url", parse.GetValue(egress), errors);
            var tokenAudience = parse.GetValue(audience);
            OperatorFlags.Audience(tokenAudience, errors);
            var sandboxStart = OperatorFlags.Duration("--sandbox-start-timeout", parse.GetValue(startTimeout), errors);
            var level = GatewayEgressFlags.Level(parse.GetValue(logLevel), errors);
            var settings = new OperatorSettings
            {
                SystemNamespace = parse.GetValue(ns)!,
                HealthAddress = metricsEndpoint is null ? null : parse.GetValue(metrics),
                LeaderElection = parse.GetValue(leaderElect),
                InstallCrds = parse.GetValue(installCrds),
                WebhookAddress = webhookEndpoint is null ? null : parse.GetValue(webhookAddr),
                WebhookCertDir = certDir,
                WebhookRegistration = certDir is not null ? WebhookRegistration.None : WebhookRegistration.PatchCaBundle,
                SandboxStartTimeout = sandboxStart ?? Operator.Status.AgentTaskStatusCalculator.DefaultStartTimeout,
                Cilium = parse.GetValue(cilium) ? new Operator.Egress.CiliumSettings { ClusterDomain = OperatorFlags.ClusterDomain(parse.GetValue(clusterDomain), errors) } : null,
            };
            var sandbox = settings.Sandbox with { TokenAudience = tokenAudience ?? SandboxContract.TokenAudience };
            if (gatewayUrl is not null) sandbox = sandbox with { GatewayUrl = gatewayUrl };
            if (egressUrl is not null) sandbox = sandbox with { EgressProxyUrl = egressUrl };
            settings = settings with { Sandbox = sandbox };
            var summary = OperatorFlags.Summary(settings, metricsEndpoint, webhookEndpoint, level.ToString());
            if (GatewayEgressFlags.Report("operator", errors, parse.GetValue(check), summary) is { } exit) return Task.FromResult(exit);
            return RunAsync(parse.GetValue(kubeconfig), parse.GetValue(context), settings, level, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(string? kubeconfig, string? context, OperatorSettings settings, LogLevel level, CancellationToken cancellationToken)
    {
        KubernetesClientConfiguration config;
        try
        {
            config = kubeconfig is not null || context is not null
                ? Runtime.Configuration.KubeconfigLoader.Load(kubeconfig, context)
                : KubernetesClientConfiguration.BuildDefaultConfig();
        }
        catch (Exception e) when (e is k8s.Exceptions.KubeConfigException or FileNotFoundException or IOException)
        {
            await Console.Error.WriteLineAsync($"airlock operator: no usable cluster configuration: {e.Message}");
            return 2;
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        }).SetMinimumLevel(level));
        using var client = new Kubernetes(config);
        await using var host = new OperatorHost(client, settings, loggerFactory);
        try
        {
            await host.RunAsync(stop.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"airlock operator: {e.Message}");
            return 1;
        }
        return 0;

        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = true;
            stop.Cancel();
        }
    }
}
