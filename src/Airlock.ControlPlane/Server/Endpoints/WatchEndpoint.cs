using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Server.Tables;
using Airlock.ControlPlane.Storage;
using Airlock.ControlPlane.Storage.Watching;

namespace Airlock.ControlPlane.Server.Endpoints;

/// <summary>
/// <c>?watch=1</c>: a stream of <c>{"type":…,"object":…}</c> lines, flushed per event, with bookmarks when asked, objects as
/// Tables when asked, and an ERROR event carrying a 410 Status when the requested history is gone.
/// </summary>
public sealed class WatchEndpoint(ApiServices services)
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(30);

    /// <summary>How often a BOOKMARK is sent when the client allows them.</summary>
    public static TimeSpan BookmarkInterval { get; set; } = TimeSpan.FromSeconds(5);

    private readonly ApiServices _services = services;

    public async Task WatchAsync(ApiRequest request)
    {
        var options = ReadEndpoints.ListOptionsOf(request);
        var fromText = request.Query("resourceVersion");
        long? from = null;
        if (fromText.Length > 0)
        {
            if (!long.TryParse(fromText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                throw ApiError.BadRequest($"resourceVersion: Invalid value: \"{fromText}\": must be a non-negative integer");
            }
            from = parsed;
        }
        var timeout = double.TryParse(request.Query("timeoutSeconds"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : DefaultTimeout;
        var knobs = _services.Knobs;
        var knobDrop = false;
        if (knobs.WatchDropInterval is { } drop && drop < timeout)
        {
            timeout = drop;
            knobDrop = true;
        }
        var watchKey = WatchKey(request);
        var bookmarks = request.Query("allowWatchBookmarks") is "true" or "1";
        var asTable = TableBuilder.WantsTable(request.Http.Request.Headers.Accept);
        var includeObject = ReadEndpoints.IncludeObject(request);

        var response = request.Http.Response;
        response.StatusCode = 200;
        response.ContentType = "application/json";
        response.Headers.CacheControl = "no-cache, private";
        var output = response.BodyWriter;
        await using var writer = new Utf8JsonWriter(output, Http.ResponseWriter.WriterOptions);
        WatchSubscription subscription;
        try
        {
            if (from is > 0 && knobs.RefuseResume(watchKey, from.Value))
            {
                throw ApiError.Gone($"too old resource version: {from} ({_services.Store.CurrentRevision}) (injected)");
            }
            subscription = _services.Store.Watch(request.Type, request.Namespace, from, options.Matches);
        }
        catch (ApiError gone) when (gone.Code == 410)
        {
            WriteEvent(writer, output, "ERROR", gone.ToStatus());
            await output.FlushAsync(request.Aborted);
            return;
        }
        using var _ = subscription;
        await response.StartAsync(request.Aborted);
        await output.FlushAsync(request.Aborted);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(request.Aborted);
        deadline.CancelAfter(timeout);
        var first = true;
        var lastRevision = from ?? 0;
        Task<bool>? wait = null;
        try
        {
            while (true)
            {
                // One outstanding wait at a time: a bookmark tick must not abandon it.
                wait ??= subscription.Events.WaitToReadAsync(deadline.Token).AsTask();
                if (bookmarks)
                {
                    var done = await Task.WhenAny(wait, Task.Delay(BookmarkInterval, deadline.Token));
                    if (done != wait)
                    {
                        // Read the revision first, then make sure nothing is queued: every change up to that revision has
                        // been offered to this watch by then (the store publishes a revision after offering its event), so an
                        // empty queue means the bookmark skips nothing this watch should still send.
                        var revision = Math.Max(lastRevision, _services.Store.CurrentRevision);
                        if (subscription.Events.TryPeek(out var queued) && queued is not null) continue;
                        WriteEvent(writer, output, "BOOKMARK", Bookmark(request, revision));
                        lastRevision = revision;
                        await output.FlushAsync(deadline.Token);
                        continue;
                    }
                }
                var more = await wait;
                wait = null;
                if (!more) return;
                // Everything queued goes out in one flush (one TLS record and write for a burst of events, not one each).
                while (subscription.Events.TryRead(out var e))
                {
                    lastRevision = e.Revision;
                    var type = EventTypeName(e.Type);
                    var obj = request.Present(e.Object);
                    if (asTable)
                    {
                        WriteEvent(writer, output, type, _services.Tables.Build(request.Type, [obj], first, includeObject, ObjectMeta.ResourceVersion(obj)));
                    }
                    else if (ReferenceEquals(obj, e.Object))
                    {
                        WriteEvent(writer, output, type, SnapshotJson.Of(e.Object));
                    }
                    else
                    {
                        WriteEvent(writer, output, type, obj);
                    }
                    first = false;
                }
                await output.FlushAsync(deadline.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Timeout, knob-driven drop or client gone: end the stream cleanly.
            if (knobDrop && knobs.WatchResumeGone && !request.Aborted.IsCancellationRequested) knobs.Cuts.Record(watchKey, from ?? 0, lastRevision);
        }
    }

    /// <summary>What identifies a watch across its resumptions: the user, the resource, the namespace and the selectors.</summary>
    private static string WatchKey(ApiRequest request) =>
        string.Join('\n', request.User.Name, request.Type.QualifiedResource, request.Namespace ?? "", request.Query("labelSelector"), request.Query("fieldSelector"));

    private static string EventTypeName(WatchEventType type) => type switch
    {
        WatchEventType.Added => "ADDED",
        WatchEventType.Modified => "MODIFIED",
        WatchEventType.Deleted => "DELETED",
        _ => type.ToString().ToUpperInvariant(),
    };

    private static JsonObject Bookmark(ApiRequest request, long revision) => new()
    {
        ["kind"] = request.Type.Kind,
        ["apiVersion"] = request.Type.ApiVersion,
        ["metadata"] = new JsonObject { ["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture) },
    };

    private static void WriteEvent(Utf8JsonWriter writer, PipeWriter output, string type, JsonNode obj)
    {
        writer.WriteStartObject();
        writer.WriteString("type", type);
        writer.WritePropertyName("object");
        obj.WriteTo(writer);
        EndEvent(writer, output);
    }

    /// <summary>An event whose object is already serialised (shared by every watcher of the same change).</summary>
    private static void WriteEvent(Utf8JsonWriter writer, PipeWriter output, string type, ReadOnlyMemory<byte> objectJson)
    {
        writer.WriteStartObject();
        writer.WriteString("type", type);
        writer.WritePropertyName("object");
        writer.WriteRawValue(objectJson.Span, skipInputValidation: true);
        EndEvent(writer, output);
    }

    private static void EndEvent(Utf8JsonWriter writer, PipeWriter output)
    {
        writer.WriteEndObject();
        writer.Flush();
        writer.Reset();
        output.Write("\n"u8);
    }
}
