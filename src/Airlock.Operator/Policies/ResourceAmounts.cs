using Airlock.Api.Tasks;
using k8s.Models;

namespace Airlock.Operator.Policies;

/// <summary>CPU, memory and ephemeral storage, all present (a resolved <see cref="TaskResources"/>).</summary>
public sealed record ResourceAmounts(ResourceQuantity Cpu, ResourceQuantity Memory, ResourceQuantity EphemeralStorage)
{
    /// <summary>Each dimension from <paramref name="resources"/> when given, else from this.</summary>
    public ResourceAmounts Overlay(TaskResources? resources) => new(
        resources?.Cpu ?? Cpu, resources?.Memory ?? Memory, resources?.EphemeralStorage ?? EphemeralStorage);

    /// <summary>The smaller of each dimension.</summary>
    public ResourceAmounts Min(ResourceAmounts other) => new(
        Smaller(Cpu, other.Cpu), Smaller(Memory, other.Memory), Smaller(EphemeralStorage, other.EphemeralStorage));

    private static ResourceQuantity Smaller(ResourceQuantity a, ResourceQuantity b) => a.ToDecimal() <= b.ToDecimal() ? a : b;
}
