using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Resources;
using Airlock.ControlPlane.Storage.Watching;

namespace Airlock.ControlPlane.Storage;

public sealed partial class ObjectStore
{
    /// <summary>
    /// Starts a watch. With no <paramref name="fromRevision"/> (or 0) the current matching objects arrive first as ADDED;
    /// otherwise every change after that revision is replayed from the history, and a revision the history no longer holds
    /// is 410 Gone (<c>too old resource version</c>).
    /// </summary>
    public WatchSubscription Watch(ResourceType type, string? @namespace, long? fromRevision, Func<JsonObject, bool>? filter = null)
    {
        filter ??= _ => true;
        lock (_gate)
        {
            var subscription = new WatchSubscription(TypeKey(type), @namespace, filter, Unsubscribe);
            if (fromRevision is null or 0)
            {
                foreach (var stored in Table(type).Values)
                {
                    if (@namespace is not null && ObjectMeta.Namespace(stored.Object) != @namespace) continue;
                    subscription.OfferInitial(new WatchEvent(WatchEventType.Added, TypeKey(type), ObjectMeta.Namespace(stored.Object), stored.Object, null, stored.Revision));
                }
            }
            else
            {
                if (fromRevision < _history.CompactedRevision)
                {
                    throw ApiError.Gone($"too old resource version: {fromRevision} ({_history.CompactedRevision})");
                }
                foreach (var e in _history.After(fromRevision.Value)) subscription.Offer(e);
            }
            _watchers.Add(subscription);
            return subscription;
        }
    }

    private void Unsubscribe(WatchSubscription subscription)
    {
        lock (_gate) _watchers.Remove(subscription);
    }
}
