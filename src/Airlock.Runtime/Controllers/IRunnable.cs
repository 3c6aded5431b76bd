namespace Airlock.Runtime.Controllers;

/// <summary>Something the manager runs while this replica is the leader.</summary>
public interface IRunnable
{
    string Name { get; }

    Task RunAsync(CancellationToken cancellationToken);
}
