namespace Airlock.ControlPlane.Server;

/// <summary>Something that runs beside the API server in the same process (started once it is ready, stopped on dispose).</summary>
public interface ILocalComponent
{
    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled; talks to the API server like any client.</summary>
    Task RunAsync(LocalControlPlane controlPlane, CancellationToken cancellationToken);
}
