using k8s.LeaderElection;

namespace Airlock.Runtime.Tests.Fakes;

/// <summary>An in-memory lock record shared by several fake locks (one per candidate).</summary>
public sealed class FakeLockRecord
{
    public Lock Gate { get; } = new();

    public LeaderElectionRecord? Record { get; set; }

    public string? Holder
    {
        get { lock (Gate) return Record?.HolderIdentity; }
    }
}

/// <summary>A candidate's view of a <see cref="FakeLockRecord"/>; set Reachable false to cut it off.</summary>
public sealed class FakeLock(FakeLockRecord shared, string identity) : ILock
{
    public string Identity => identity;

    public bool Reachable { get; set; } = true;

    public Task<LeaderElectionRecord> GetAsync(CancellationToken cancellationToken = default)
    {
        Check();
        lock (shared.Gate) return Task.FromResult(Copy(shared.Record) ?? new LeaderElectionRecord());
    }

    public Task<bool> CreateAsync(LeaderElectionRecord record, CancellationToken cancellationToken = default)
    {
        Check();
        lock (shared.Gate)
        {
            if (shared.Record is not null) return Task.FromResult(false);
            shared.Record = Copy(record);
            return Task.FromResult(true);
        }
    }

    public Task<bool> UpdateAsync(LeaderElectionRecord record, CancellationToken cancellationToken = default)
    {
        Check();
        lock (shared.Gate) shared.Record = Copy(record);
        return Task.FromResult(true);
    }

    public string Describe() => "fake/" + identity;

    private void Check()
    {
        if (!Reachable) throw new IOException("the API server is unreachable");
    }

    private static LeaderElectionRecord? Copy(LeaderElectionRecord? r) => r is null ? null : new LeaderElectionRecord
    {
        HolderIdentity = r.HolderIdentity,
        LeaseDurationSeconds = r.LeaseDurationSeconds,
        AcquireTime = r.AcquireTime,
        RenewTime = r.RenewTime,
        LeaderTransitions = r.LeaderTransitions,
    };
}
