namespace Airlock.Operator.Policies;

/// <summary>The policy that applies when no ClusterAgentPolicy selects a namespace (DESIGN.md, "ClusterAgentPolicy").</summary>
public static class BuiltinPolicy
{
    public static readonly IReadOnlyList<string> RuntimeClasses = ["kata-qemu", "kata-clh", "kata-fc", "kata-qemu-snp", "kata-qemu-tdx"];

    public static EffectivePolicy Effective { get; } = new()
    {
        AllowedRuntimeClasses = RuntimeClasses,
        DefaultRuntimeClass = "kata-qemu",
        DefaultTimeout = TimeSpan.FromHours(1),
        MaxTimeout = TimeSpan.FromHours(24),
        DefaultResources = new ResourceAmounts(new("1"), new("2Gi"), new("4Gi")),
        MaxResources = new ResourceAmounts(new("8"), new("32Gi"), new("100Gi")),
        DefaultTokenExpirationSeconds = 600,
        MaxTokenExpirationSeconds = 3600,
        MaxDebugWindow = TimeSpan.FromHours(8),
    };
}
