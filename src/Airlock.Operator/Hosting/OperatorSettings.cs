using Airlock.Operator.Sandbox;

namespace Airlock.Operator.Hosting;

/// <summary>How an <see cref="OperatorHost"/> runs. Every value has a default that suits a cluster install.</summary>
public sealed record OperatorSettings
{
    /// <summary>Namespace of the operator, its Lease, the gateway and the egress proxy.</summary>
    public string SystemNamespace { get; init; } = "airlock-system";

    /// <summary>Gateway and egress-proxy URLs and pod labels, DNS labels: what the sandbox builders need.</summary>
    public SandboxSettings Sandbox { get; init; } = SandboxSettings.Default;

    /// <summary><c>host:port</c> serving <c>/metrics</c>, <c>/healthz</c> and <c>/readyz</c> (port 0 picks one); null serves nothing.</summary>
    public string? HealthAddress { get; init; } = "127.0.0.1:8080";

    /// <summary>Only the holder of the Lease reconciles; the others keep warm caches and stand by.</summary>
    public bool LeaderElection { get; init; }

    public string LeaseName { get; init; } = "airlock-operator";

    /// <summary>How long a leader's claim lasts without renewal: a follower takes over at most this long after the leader stops.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>This replica's name in the Lease.</summary>
    public string Identity { get; init; } = $"{Environment.MachineName}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Create or update the Airlock CRDs from the C# types before starting (dev mode).</summary>
    public bool InstallCrds { get; init; }

    /// <summary>
    /// How long a sandbox pod may take from its creation to Running (image pull, scheduling, a missing RuntimeClass) before
    /// its task fails with reason SandboxStartTimeout and the pod is deleted.
    /// </summary>
    public TimeSpan SandboxStartTimeout { get; init; } = Status.AgentTaskStatusCalculator.DefaultStartTimeout;

    /// <summary>Tasks reconciled in parallel.</summary>
    public int Workers { get; init; } = 4;

    /// <summary>Watch only this namespace for tasks; null: every namespace.</summary>
    public string? WatchNamespace { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary><c>host:port</c> of the HTTPS admission webhooks (<c>:9443</c> in a cluster, port 0 picks one); null serves none.</summary>
    public string? WebhookAddress { get; init; }

    /// <summary>Directory with <c>tls.crt</c>/<c>tls.key</c> (cert-manager or the chart); null: the operator provisions and rotates its own CA.</summary>
    public string? WebhookCertDir { get; init; }

    /// <summary>How the webhooks are made known to the API server.</summary>
    public WebhookRegistration WebhookRegistration { get; init; } = WebhookRegistration.PatchCaBundle;

    /// <summary>How often the self-provisioned certificates are checked for renewal.</summary>
    public TimeSpan WebhookCertificateCheckInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>In-process anomaly streams (the gateway's, the egress proxy's) besides their Warning Events, which are always watched.</summary>
    public IReadOnlyList<Governance.Quarantine.IAnomalySource> AnomalySources { get; init; } = [];

    /// <summary>Where quarantines are recorded (the shared hash-chained audit log); null records none.</summary>
    public Stores.Audit.IAuditLog? Audit { get; init; }

    /// <summary>The optional Cilium layer (CiliumNetworkPolicies per task, Egress/CiliumPolicyController); null: off.</summary>
    public Egress.CiliumSettings? Cilium { get; init; }

    /// <summary>The approval seal; null loads (or creates) its key from the Secret airlock-approval-key of <see cref="SystemNamespace"/>.</summary>
    public Governance.Approval.ApprovalSeal? ApprovalSeal { get; init; }

    /// <summary>The anomaly-signal seal; null loads (or creates) its key from the Secret airlock-signal-key of <see cref="SystemNamespace"/>.</summary>
    public Runtime.Events.SignalSeal? SignalSeal { get; init; }

    /// <summary>
    /// When the process compacts its heap after a burst of work (<see cref="Runtime.Memory.HeapSettler"/>: once quiet, if the
    /// GC's committed memory grew); null never does.
    /// </summary>
    public Runtime.Memory.HeapSettlerOptions? HeapSettling { get; init; } = new();
}
