using System.CommandLine;
using System.Net;
using System.Runtime.InteropServices;
using Airlock.Bench.Gateway;
using Airlock.Gateway.Hosting;
using Airlock.Gateway.Providers;
using Airlock.Gateway.Serving;
using Airlock.Guardrails;
using Airlock.Stores.Audit.Sqlite;
using k8s;

namespace Airlock.Bench.Commands;

/// <summary>
/// <c>airlock-bench gateway-host</c>: the model gateway as its own process, composed as <c>airlock gateway</c> composes it
/// (SQLite audit log in the state directory, in-memory limits, the default guardrail scanner). The harness starts it so
/// it can SIGKILL it, and starts variants of it (guardrails off, an fsync per audit commit) to attribute the overhead.
/// </summary>
internal static class GatewayHostCommand
{
    public static Command Create()
    {
        var kubeconfig = new Option<string>("--kubeconfig") { Required = true };
        var listen = new Option<string>("--listen") { Required = true };
        var provider = new Option<string>("--provider") { Description = "NAME=BASE_URL", Required = true };
        var keyFile = new Option<string>("--provider-key-file") { Description = "NAME=PATH", Required = true };
        var stateDir = new Option<string>("--state-dir") { Required = true };
        var guardrails = new Option<string>("--guardrails")
        {
            Description = "on, or off (a scanner that finds nothing: the figures without the guardrails' cost).",
            DefaultValueFactory = _ => "on",
        };
        var durability = new Option<string>("--audit-durability")
        {
            Description = "process-crash (synchronous=NORMAL) or power-loss (synchronous=FULL, an fsync per commit).",
            DefaultValueFactory = _ => "process-crash",
        };
        var command = new Command("gateway-host", "The gateway as a child process of the harness.") { Hidden = true };
        foreach (var option in new Option[] { kubeconfig, listen, provider, keyFile, stateDir, guardrails, durability }) command.Options.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (providers, errors) = ProviderFlags.Parse([parse.GetValue(provider)!], [parse.GetValue(keyFile)!], []);
            if (parse.GetValue(guardrails) is not ("on" or "off")) errors = [.. errors, "--guardrails is on or off"];
            if (parse.GetValue(durability) is not ("process-crash" or "power-loss")) errors = [.. errors, "--audit-durability is process-crash or power-loss"];
            if (errors.Count > 0 || !IPEndPoint.TryParse(parse.GetValue(listen)!, out var endpoint))
            {
                await Console.Error.WriteLineAsync("gateway-host: " + string.Join("; ", errors.DefaultIfEmpty("bad --listen")));
                return 2;
            }
            var options = new GatewayComponentOptions
            {
                Gateway = new GatewayOptions { Address = endpoint.Address, Port = endpoint.Port, Providers = providers },
                StateDirectory = parse.GetValue(stateDir),
                AuditDurability = parse.GetValue(durability) == "power-loss" ? SqliteDurability.PowerLoss : SqliteDurability.ProcessCrash,
                Scanner = parse.GetValue(guardrails) == "off" ? new NoGuardrails() : GuardrailScanner.Default,
            };
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                stop.Cancel();
            });
            using var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(parse.GetValue(kubeconfig)));
            await using var audit = await GatewayStores.OpenAuditAsync(options, stop.Token);
            await using var limits = await GatewayStores.OpenLimitsAsync(options);
            await using var server = await GatewayServer.StartAsync(options.Gateway,
                new GatewayDependencies { Client = client, Audit = audit, Limits = limits, Scanner = options.Scanner }, stop.Token);
            Console.WriteLine($"gateway-host: serving {server.Address}v1");
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return 0;
        });
        return command;
    }
}
