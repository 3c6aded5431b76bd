using System.CommandLine;
using System.Net;
using System.Runtime.InteropServices;
using Airlock.Egress.Hosting;
using Airlock.Egress.Matching;
using Airlock.Egress.Resolution;
using k8s;

namespace Airlock.Cli.Commands;

/// <summary>`airlock egress`: runs the egress proxy against a cluster (in-cluster config, or a kubeconfig) until SIGINT/SIGTERM.</summary>
internal static class EgressCommand
{
    public static Command Create()
    {
        var kubeconfig = new Option<string?>("--kubeconfig") { Description = "Kubeconfig to use (default: in-cluster config, else $KUBECONFIG or ~/.kube/config)." };
        var listen = new Option<string>("--listen") { Description = "Address and port to listen on.", DefaultValueFactory = _ => "0.0.0.0:3128" };
        var resolve = new Option<string[]>("--egress-resolve") { Description = "HOST=IP: resolve HOST to IP instead of asking DNS (repeatable; for tests)." };
        var internalCidrs = new Option<string[]>("--internal-cidr")
        {
            Description = "Pod, Service and node CIDRs names may not resolve into (repeatable). Default: every private and reserved range.",
        };
        var command = new Command("egress", "Run the egress proxy: per-task FQDN allowlist for sandbox pods, audited.") { kubeconfig, listen, resolve, internalCidrs };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(kubeconfig), parse.GetValue(listen)!, parse.GetValue(resolve) ?? [], parse.GetValue(internalCidrs) ?? [], cancellationToken));
        return command;
    }

    /// <summary>Parses repeated <c>--egress-resolve HOST=IP</c> values (shared with <c>airlock dev</c>).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<IPAddress>> ParseResolve(IEnumerable<string> values) => DnsHostResolver.ParseOverrides(values);

    private static async Task<int> RunAsync(string? kubeconfig, string listen, string[] resolve, string[] internalCidrs, CancellationToken cancellationToken)
    {
        IPEndPoint endpoint;
        EgressProxyOptions options;
        try
        {
            endpoint = IPEndPoint.Parse(listen);
            options = new EgressProxyOptions
            {
                Listen = endpoint,
                ResolveOverrides = ParseResolve(resolve),
                InternalRanges = internalCidrs.Length == 0 ? AddressRanges.DefaultInternal : AddressRanges.Internal(internalCidrs.Select(IPNetwork.Parse)),
            };
        }
        catch (FormatException e)
        {
            return ValidateOutput.Usage("egress: " + e.Message);
        }
        var config = kubeconfig is not null ? KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig)
            : KubernetesClientConfiguration.IsInCluster() ? KubernetesClientConfiguration.InClusterConfig()
            : KubernetesClientConfiguration.BuildConfigFromConfigFile();
        using var client = new Kubernetes(config);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        await using var host = await EgressProxyHost.StartAsync(client, options, stop.Token);
        Console.WriteLine($"airlock egress: listening on {host.Endpoint}");
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // SIGINT/SIGTERM.
        }
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }
}
