namespace Airlock.Runtime;

/// <summary>Marker for the controller runtime assembly (informers, work queue, controllers, leader election, metrics).</summary>
public static class ControllerRuntime
{
    public const string Name = "airlock-controller-runtime";
}
