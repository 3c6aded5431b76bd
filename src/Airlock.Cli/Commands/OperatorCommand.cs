using System.CommandLine;
using System.Runtime.InteropServices;
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
        var command = new Command("operator", "Run the Airlock operator against a Kubernetes cluster.");
        foreach (var option in new Option[] { kubeconfig, context, metrics, leaderElect, ns, installCrds, gateway, egress, webhookAddr, webhookCertDir }) command.Options.Add(option);
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = new OperatorSettings
            {
                SystemNamespace = parse.GetValue(ns)!,
                HealthAddress = parse.GetValue(metrics) is { Length: > 0 } address ? address : null,
                LeaderElection = parse.GetValue(leaderElect),
                InstallCrds = parse.GetValue(installCrds),
                WebhookAddress = parse.GetValue(webhookAddr) is { Length: > 0 } webhook ? webhook : null,
                WebhookCertDir = parse.GetValue(webhookCertDir) is { Length: > 0 } certs ? certs : null,
                WebhookRegistration = parse.GetValue(webhookCertDir) is { Length: > 0 } ? WebhookRegistration.None : WebhookRegistration.PatchCaBundle,
            };
            var sandbox = settings.Sandbox;
            if (parse.GetValue(gateway) is { Length: > 0 } g) sandbox = sandbox with { GatewayUrl = g };
            if (parse.GetValue(egress) is { Length: > 0 } e) sandbox = sandbox with { EgressProxyUrl = e };
            return RunAsync(parse.GetValue(kubeconfig), parse.GetValue(context), settings with { Sandbox = sandbox }, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(string? kubeconfig, string? context, OperatorSettings settings, CancellationToken cancellationToken)
    {
        KubernetesClientConfiguration config;
        try
        {
            config = kubeconfig is not null || context is not null
                ? KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig, context)
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
        }).SetMinimumLevel(LogLevel.Information));
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
