using Airlock.Runtime.Informers;
using Airlock.Runtime.Leadership;

namespace Airlock.Runtime.Controllers;

/// <summary>
/// Runs an operator's parts: informers on every replica (so a follower's cache is warm and it is ready to take
/// over), controllers only on the leader. Without a <see cref="LeaderElection"/> the controllers always run.
/// </summary>
public sealed class ControllerManager
{
    private readonly SharedInformerFactory _informers;
    private readonly IReadOnlyList<IRunnable> _runnables;
    private readonly LeaderElection? _election;

    public ControllerManager(SharedInformerFactory informers, IEnumerable<IRunnable> runnables, LeaderElection? election = null)
    {
        _informers = informers;
        _runnables = [.. runnables];
        _election = election;
    }

    /// <summary>For /readyz: every informer has synced.</summary>
    public bool IsReady => _informers.HasSynced;

    public bool IsLeader => _election?.IsLeader ?? true;

    /// <summary>Runs until cancelled (or until leadership is lost, with <see cref="LeaderElectionOptions.ExitOnLoss"/>).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _informers.Start(cancellationToken);
        try
        {
            if (_election is null) await RunAllAsync(cancellationToken).ConfigureAwait(false);
            else await _election.RunAsync(RunAllAsync, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await _informers.StopAsync().ConfigureAwait(false);
        }
    }

    private Task RunAllAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_runnables.Select(r => Task.Run(() => r.RunAsync(cancellationToken), CancellationToken.None)));
}
