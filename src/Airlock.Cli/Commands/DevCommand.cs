using System.CommandLine;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Airlock.ControlPlane.Server;

namespace Airlock.Cli.Commands;

/// <summary>`airlock dev`: the local control plane on 127.0.0.1 until SIGINT/SIGTERM.</summary>
internal static class DevCommand
{
    public static Command Create()
    {
        var stateDir = new Option<string>("--state-dir") { Description = "Where to write kubeconfig and endpoints.json.", Required = true };
        var port = new Option<int>("--port") { Description = "API server port on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => 0 };
        var command = new Command("dev", "Run the local control plane (an in-memory Kubernetes API server) and Airlock on 127.0.0.1.");
        command.Options.Add(stateDir);
        command.Options.Add(port);
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(stateDir)!, parse.GetValue(port), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string stateDir, int port, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        Directory.CreateDirectory(stateDir);
        var kubeconfig = Path.GetFullPath(Path.Combine(stateDir, "kubeconfig"));
        var endpoints = Path.Combine(stateDir, "endpoints.json");
        File.Delete(endpoints);
        await using var plane = await Airlock.Cli.Dev.DevEnvironment.StartControlPlaneAsync(new LocalControlPlaneOptions { Port = port }, stop.Token);
        plane.WriteKubeconfig(kubeconfig);
        // endpoints.json last: its presence tells scripts the control plane is ready.
        var tmp = endpoints + ".tmp";
        await File.WriteAllTextAsync(tmp, new JsonObject { ["apiServer"] = plane.ServerUrl }.ToJsonString() + "\n", stop.Token);
        File.Move(tmp, endpoints, overwrite: true);
        Console.WriteLine($"airlock dev: API server at {plane.ServerUrl} (users admin, alice, bob)");
        Console.WriteLine($"  export KUBECONFIG={kubeconfig}");
        Console.WriteLine("  kubectl get namespaces");
        Console.WriteLine("Press Ctrl+C to stop.");
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // SIGINT/SIGTERM.
        }
        Console.WriteLine("airlock dev: stopping");
        File.Delete(endpoints);
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }
}
