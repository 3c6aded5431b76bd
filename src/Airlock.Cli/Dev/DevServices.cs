using System.Net;
using System.Net.Sockets;
using Airlock.ControlPlane.Server;
using Airlock.Egress.Hosting;
using Airlock.Gateway.Guardrails;
using Airlock.Gateway.Hosting;
using Airlock.Gateway.Serving;
using Airlock.Operator.Hosting;
using Airlock.Runtime.Events;
using Airlock.Stores.Audit.Sqlite;

namespace Airlock.Cli.Dev;

/// <summary>
/// The gateway and the egress proxy of <c>airlock dev</c>, on loopback ports chosen up front so the operator can point every
/// sandbox at them (<c>AIRLOCK_GATEWAY_URL</c>, <c>HTTPS_PROXY</c>) before any of them starts. Both write the one SQLite
/// audit log in the state directory, which <c>airlock audit verify --state-dir</c> reads. All three share one signal key made
/// for this run: the gateway and the proxy seal their anomaly Events with it and the operator verifies them.
/// </summary>
public sealed class DevServices
{
    private DevServices(GatewayComponent gateway, EgressProxyComponent egress, int gatewayPort, int egressPort, SignalSeal signalSeal)
    {
        SignalSeal = signalSeal;
        Gateway = gateway;
        Egress = egress;
        GatewayUrl = $"http://127.0.0.1:{gatewayPort}";
        EgressProxyUrl = $"http://127.0.0.1:{egressPort}";
    }

    public GatewayComponent Gateway { get; }

    /// <summary>The signal seal the gateway, the egress proxy and the operator of this run share.</summary>
    public SignalSeal SignalSeal { get; }

    public EgressProxyComponent Egress { get; }

    public string GatewayUrl { get; }

    public string EgressProxyUrl { get; }

    public IReadOnlyList<ILocalComponent> Components => [Gateway, Egress];

    public static DevServices Create(DevEnvironmentOptions options)
    {
        var gatewayPort = FreeLoopbackPort();
        var egressPort = FreeLoopbackPort();
        var signalSeal = SignalSeal.Generate();
        var gateway = new GatewayComponent(
            new GatewayComponentOptions
            {
                Gateway = new GatewayOptions
                {
                    Port = gatewayPort,
                    Providers = options.Providers,
                    Guardrails = new GuardrailOptions { RedactCompletions = options.RedactCompletions },
                },
                StateDirectory = options.StateDir,
                AuditDurability = options.AuditDurability,
                SignalSeal = signalSeal,
            },
            options.LoggerFactory);
        var egress = new EgressProxyComponent(new EgressProxyOptions
        {
            Listen = new IPEndPoint(IPAddress.Loopback, egressPort),
            ResolveOverrides = options.EgressResolve,
            AuditLog = SqliteAuditLog.OpenStateDirectory(options.StateDir, durability: options.AuditDurability),
            LoggerFactory = options.LoggerFactory,
            SignalSeal = signalSeal,
        });
        return new DevServices(gateway, egress, gatewayPort, egressPort, signalSeal);
    }

    /// <summary>The operator settings with every sandbox pointed at this gateway and proxy, verifying their signal seal.</summary>
    public OperatorSettings Configure(OperatorSettings settings) => settings with
    {
        Sandbox = settings.Sandbox with { GatewayUrl = GatewayUrl, EgressProxyUrl = EgressProxyUrl },
        SignalSeal = SignalSeal,
    };

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
