namespace Airlock.ControlPlane.Storage;

/// <summary>Tuning of the in-memory store.</summary>
public sealed record StoreOptions
{
    /// <summary>How many recent events watches can resume from; older resourceVersions get 410 Gone.</summary>
    public int WatchHistorySize { get; init; } = 5000;

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
