using Airlock.Gateway.Auth;
using Airlock.Guardrails;
using Airlock.Stores.Audit;
using Airlock.Stores.Limits;
using k8s;
using Microsoft.Extensions.Logging;

namespace Airlock.Gateway.Hosting;

/// <summary>What a gateway instance talks to. The gateway owns none of these: the caller disposes them after the gateway.</summary>
public sealed record GatewayDependencies
{
    /// <summary>Client for informers (pods, AgentTasks), status usage writes and Events; needs those rights and tokenreviews create.</summary>
    public required IKubernetes Client { get; init; }

    public required IAuditLog Audit { get; init; }

    public required ILimitStore Limits { get; init; }

    public required IGuardrailScanner Scanner { get; init; }

    /// <summary>Token reviews; a <see cref="KubernetesTokenReviewer"/> over <see cref="Client"/> when null.</summary>
    public ITokenReviewer? TokenReviewer { get; init; }

    /// <summary>
    /// Seals the anomaly Events the operator quarantines on (the key of the Secret airlock-signal-key, mounted as a file:
    /// <c>--signal-key-file</c>). Null: no anomaly Event is written (metrics and <see cref="GatewayServer.Signals"/> still see
    /// every signal), and the gateway logs an error at start saying so.
    /// </summary>
    public Runtime.Events.SignalSeal? SignalSeal { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public ILoggerFactory? LoggerFactory { get; init; }
}
