using Airlock.Api.Tasks;

namespace Airlock.Operator.Policies;

/// <summary>
/// The ceiling and defaults that apply to one task: the built-in default tightened by every ClusterAgentPolicy that
/// selects its namespace. Allowlists are kept per policy (a value must pass every one of them), so merging never widens.
/// </summary>
public sealed record EffectivePolicy
{
    /// <summary>Shortest projected-token lifetime: the kubelet refuses less than 10 minutes.</summary>
    public const long MinTokenExpirationSeconds = 600;

    /// <summary>Names of the ClusterAgentPolicies merged into this one; empty for the built-in default.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    public required IReadOnlyList<string> AllowedRuntimeClasses { get; init; }

    public required string DefaultRuntimeClass { get; init; }

    /// <summary>Each entry is one policy's prefix list; an image must start with a prefix of every entry.</summary>
    public IReadOnlyList<IReadOnlyList<string>> ImagePrefixAllowlists { get; init; } = [];

    public bool RequireImageDigest { get; init; }

    public required TimeSpan DefaultTimeout { get; init; }

    public required TimeSpan MaxTimeout { get; init; }

    public required ResourceAmounts DefaultResources { get; init; }

    public required ResourceAmounts MaxResources { get; init; }

    public required long DefaultTokenExpirationSeconds { get; init; }

    public required long MaxTokenExpirationSeconds { get; init; }

    /// <summary>Per-policy host allowlists (exact hosts or <c>*.domain</c>); a task host must fall within every one.</summary>
    public IReadOnlyList<IReadOnlyList<string>> HostAllowlists { get; init; } = [];

    /// <summary>Per-policy CIDR allowlists; a task CIDR must lie inside one CIDR of every list.</summary>
    public IReadOnlyList<IReadOnlyList<string>> CidrAllowlists { get; init; } = [];

    /// <summary>Null: any provider.</summary>
    public IReadOnlySet<string>? AllowedProviders { get; init; }

    /// <summary>Null: any model.</summary>
    public IReadOnlySet<string>? AllowedModels { get; init; }

    public int? MaxRequestsPerMinute { get; init; }

    public long? MaxTokensPerMinute { get; init; }

    public long? MaxTotalTokens { get; init; }

    /// <summary>Per-policy permission allowlists; each task rule must be covered by a rule of every list.</summary>
    public IReadOnlyList<IReadOnlyList<PermissionRule>> PermissionAllowlists { get; init; } = [];

    public bool ApprovalAlways { get; init; }

    public bool ApprovalWhenWriteVerbs { get; init; }

    /// <summary>Per-policy host lists: a task host outside any of them needs approval.</summary>
    public IReadOnlyList<IReadOnlyList<string>> ApprovalWhenEgressHostsOutside { get; init; } = [];

    public long? ApprovalWhenMaxTotalTokensAbove { get; init; }

    public required TimeSpan MaxDebugWindow { get; init; }

    /// <summary>The runtime class the task gets: its own or the default.</summary>
    public string RuntimeClassFor(AgentTaskSpec spec) => spec.RuntimeClassName ?? DefaultRuntimeClass;

    /// <summary>The timeout the task gets; an unparseable value (refused by validation) falls back to the default.</summary>
    public TimeSpan TimeoutFor(AgentTaskSpec spec) =>
        Api.Values.GoDuration.TryParse(spec.Timeout, out var timeout) ? timeout : DefaultTimeout;

    public ResourceAmounts ResourcesFor(AgentTaskSpec spec) => DefaultResources.Overlay(spec.Resources);

    public long TokenExpirationSecondsFor(AgentTaskSpec spec) => spec.TokenExpirationSeconds ?? DefaultTokenExpirationSeconds;
}
