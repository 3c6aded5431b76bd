using System.Globalization;
using System.Text.Json.Nodes;
using Airlock.ControlPlane.Resources;

namespace Airlock.ControlPlane.Patching;

/// <summary>
/// Records an Update operation in managedFields: the manager gains the fields it added or changed, every other
/// manager loses them (updates never conflict, they take ownership), and removed fields leave every set.
/// </summary>
internal sealed class UpdateTracker
{
    private readonly ResourceType _type;
    private readonly TimeProvider _time;

    public UpdateTracker(ResourceType type, TimeProvider time)
    {
        _type = type;
        _time = time;
    }

    /// <param name="inPlace">Write managedFields into <paramref name="updated"/> itself rather than into a copy.</param>
    public JsonObject Track(JsonObject? previous, JsonObject updated, string manager, string? subresource, bool inPlace)
    {
        // A client that sends managedFields back unchanged (or an edited copy) is honoured; an empty list keeps the old ones.
        var entries = ManagedFieldsCodec.Read(ManagedFieldsCodec.HasEntries(updated) ? updated : previous);
        var builder = new FieldSetBuilder(FieldSchemas.For(_type), markMaps: true);
        var changes = FieldChanges.Between(builder.BuildManaged(previous, _type, subresource), builder.BuildManaged(updated, _type, subresource));
        var changed = changes.Changed;

        foreach (var entry in entries.Where(e => !e.Is(manager, ManagedFieldsEntry.Update, subresource)))
        {
            entry.Fields = entry.Fields.Difference(changed).Difference(changes.Removed);
        }
        var mine = entries.FirstOrDefault(e => e.Is(manager, ManagedFieldsEntry.Update, subresource));
        if (mine is null)
        {
            mine = new ManagedFieldsEntry
            {
                Manager = manager,
                Operation = ManagedFieldsEntry.Update,
                Subresource = string.IsNullOrEmpty(subresource) ? null : subresource,
                ApiVersion = _type.ApiVersion,
                Fields = FieldSet.Empty,
            };
            entries.Add(mine);
        }
        var before = mine.Fields;
        mine.Fields = before.Union(changed).Difference(changes.Removed);
        if (!changes.IsEmpty || !before.SetEquals(mine.Fields) || mine.Time is null)
        {
            mine.Time = Timestamp(_time);
            mine.ApiVersion = _type.ApiVersion;
        }

        var result = inPlace ? updated : (JsonObject)updated.DeepClone();
        ManagedFieldsCodec.Write(result, entries);
        return result;
    }

    /// <summary>RFC 3339 to the second, as metav1.Time serializes.</summary>
    public static string Timestamp(TimeProvider time) =>
        time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
