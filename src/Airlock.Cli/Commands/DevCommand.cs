using System.CommandLine;
using System.Runtime.InteropServices;
using Airlock.Cli.Dev;
using Airlock.Gateway.Providers;

namespace Airlock.Cli.Commands;

/// <summary>`airlock dev`: the local control plane with the operator, the model gateway and the egress proxy, until SIGINT/SIGTERM.</summary>
internal static class DevCommand
{
    public static Command Create()
    {
        var stateDir = new Option<string>("--state-dir") { Description = "Where to write kubeconfig, endpoints.json and the audit log.", Required = true };
        var port = new Option<int>("--port") { Description = "API server port on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => 0 };
        var providers = new Option<string[]>("--provider") { Description = "NAME=BASE_URL of a model provider the gateway forwards to (repeatable)." };
        var keyFiles = new Option<string[]>("--provider-key-file") { Description = "NAME=PATH of the file holding that provider's API key (repeatable; re-read when it changes)." };
        var types = new Option<string[]>("--provider-type") { Description = "NAME=openai|anthropic (default openai; repeatable)." };
        var resolve = new Option<string[]>("--egress-resolve") { Description = "HOST=IP name-resolution override for the egress proxy (repeatable; for tests)." };
        var completionSecrets = new Option<string>("--completion-secrets")
        {
            Description = "redact or pass secrets in the model's answers to agents (the audit log is redacted either way).",
            DefaultValueFactory = _ => "redact",
        };
        var durability = GatewayEgressFlags.AuditDurability();
        var command = new Command("dev", "Run the local control plane (an in-memory Kubernetes API server) and Airlock on 127.0.0.1.");
        foreach (var option in new Option[] { stateDir, port, providers, keyFiles, types, resolve, completionSecrets, durability }) command.Options.Add(option);
        command.SetAction((parse, cancellationToken) =>
        {
            var (parsed, errors) = ProviderFlags.Parse(parse.GetValue(providers) ?? [], parse.GetValue(keyFiles) ?? [], parse.GetValue(types) ?? []);
            IReadOnlyDictionary<string, IReadOnlyList<System.Net.IPAddress>> overrides;
            try
            {
                overrides = EgressCommand.ParseResolve(parse.GetValue(resolve) ?? []);
            }
            catch (FormatException e)
            {
                errors = [.. errors, $"--egress-resolve: {e.Message}"];
                overrides = new Dictionary<string, IReadOnlyList<System.Net.IPAddress>>();
            }
            var problems = errors.ToList();
            if (parse.GetValue(completionSecrets) is not ("redact" or "pass")) problems.Add($"--completion-secrets \"{parse.GetValue(completionSecrets)}\" is not redact or pass");
            var sqliteDurability = GatewayEgressFlags.Durability(parse.GetValue(durability), new GatewayEgressAuditStore("sqlite", null, null), problems);
            if (problems.Count > 0)
            {
                foreach (var error in problems) Console.Error.WriteLine($"airlock dev: {error}");
                return Task.FromResult(2);
            }
            var options = new DevEnvironmentOptions
            {
                StateDir = parse.GetValue(stateDir)!,
                Port = parse.GetValue(port),
                Providers = parsed,
                EgressResolve = overrides,
                RedactCompletions = parse.GetValue(completionSecrets) != "pass",
                AuditDurability = sqliteDurability,
            };
            return RunAsync(options, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(DevEnvironmentOptions options, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        await using var dev = await DevEnvironment.StartAsync(options, stop.Token);
        Console.WriteLine($"airlock dev: API server at {dev.ControlPlane.ServerUrl} (users admin, alice, bob); operator, gateway and egress proxy running");
        Console.WriteLine($"  endpoints: {dev.EndpointsPath}");
        Console.WriteLine($"  export KUBECONFIG={dev.KubeconfigPath}");
        Console.WriteLine("  kubectl apply -f config/samples/hello-task.yaml && kubectl get agenttasks -w");
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
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }
}
