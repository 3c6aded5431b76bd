namespace Airlock.ControlPlane.Storage.Watching;

/// <summary>The kinds of change a watch reports (BOOKMARK and ERROR are wire-only).</summary>
public enum WatchEventType
{
    Added,
    Modified,
    Deleted,
}
