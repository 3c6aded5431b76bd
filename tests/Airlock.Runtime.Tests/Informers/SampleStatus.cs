using k8s.Models;

namespace Airlock.Runtime.Tests.Informers;

/// <summary>A model in the project's namespace (so the interner walks it) with the two kinds of shared value.</summary>
public sealed class SampleStatus
{
    public ResourceQuantity? Cpu { get; set; }

    public IList<V1Condition> Conditions { get; set; } = [];
}
