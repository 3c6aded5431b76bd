namespace Airlock.ControlPlane.Kubelet;

/// <summary>What <see cref="PodLifecycle.Decide"/> needs besides the pod.</summary>
/// <param name="NodeName">This kubelet's node.</param>
/// <param name="Now">The current time.</param>
/// <param name="RuntimeClasses">Names of the RuntimeClasses that exist.</param>
/// <param name="PodIp">The address reserved for this pod (used when it starts).</param>
public sealed record PodLifecycleContext(string NodeName, DateTimeOffset Now, IReadOnlySet<string> RuntimeClasses, string PodIp);
