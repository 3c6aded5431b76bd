using System.CommandLine;
using System.Net;
using System.Runtime.InteropServices;
using Airlock.Egress.Debug;
using k8s;

namespace Airlock.Cli.Commands;

/// <summary>
/// `airlock debug NAME -n NS --port 8080`: a local port that leads into the task's pod through the egress proxy, authenticated
/// with the user's own Kubernetes token, while the task's debug window is open.
/// </summary>
internal static class DebugCommand
{
    public const string ProxyVariable = "AIRLOCK_EGRESS_PROXY";

    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "The AgentTask." };
        var ns = new Option<string>("--namespace", "-n") { Description = "Namespace of the task.", DefaultValueFactory = _ => "default" };
        var port = new Option<int>("--port") { Description = "Port in the pod (one of spec.debug.ports).", Required = true };
        var localPort = new Option<int>("--local-port") { Description = "Local port on 127.0.0.1 (0 picks one; default: the pod port).", DefaultValueFactory = _ => -1 };
        var proxy = new Option<string?>("--proxy") { Description = $"The egress proxy as HOST:PORT (default ${ProxyVariable})." };
        var kubeconfig = new Option<string?>("--kubeconfig") { Description = "Kubeconfig whose current user's token is presented (default $KUBECONFIG or ~/.kube/config)." };
        var context = new Option<string?>("--context") { Description = "Kubeconfig context to take the token from." };
        var command = new Command("debug", "Open an authenticated tunnel to a port of a task's sandbox while its debug window is open.")
        {
            name, ns, port, localPort, proxy, kubeconfig, context,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(name)!, parse.GetValue(ns)!, parse.GetValue(port), parse.GetValue(localPort), parse.GetValue(proxy),
            parse.GetValue(kubeconfig), parse.GetValue(context), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        string name, string ns, int port, int localPort, string? proxy, string? kubeconfig, string? context, CancellationToken cancellationToken)
    {
        proxy ??= Environment.GetEnvironmentVariable(ProxyVariable);
        if (proxy is null || !IPEndPoint.TryParse(proxy, out var proxyEndpoint))
            return ValidateOutput.Usage($"debug: give the egress proxy with --proxy HOST:PORT or ${ProxyVariable}");
        if (port is < 1 or > 65535) return ValidateOutput.Usage("debug: --port must be 1..65535");
        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig, currentContext: context);
        if (config.AccessToken is not { Length: > 0 } token)
            return ValidateOutput.Usage("debug: the kubeconfig user has no bearer token; airlock debug presents your own token to the proxy");
        var target = new DebugTarget(ns, name, port);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        // Check once up front so a refusal is reported at once instead of on the first local connection.
        var (probe, answer) = await DebugTunnelListener.ConnectAsync(proxyEndpoint, token, target, stop.Token);
        if (probe is null)
        {
            await Console.Error.WriteLineAsync($"debug: the egress proxy refused: {answer}");
            return 1;
        }
        probe.Dispose();
        await using var listener = new DebugTunnelListener(
            new IPEndPoint(IPAddress.Loopback, localPort < 0 ? port : localPort), proxyEndpoint, token, target)
        {
            OnRefused = message => Console.Error.WriteLine($"debug: {message}"),
        };
        Console.WriteLine($"Forwarding {listener.Endpoint} -> {ns}/{name}:{port} through {proxyEndpoint}. Press Ctrl+C to stop.");
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C.
        }
        return 0;

        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = true;
            stop.Cancel();
        }
    }
}
