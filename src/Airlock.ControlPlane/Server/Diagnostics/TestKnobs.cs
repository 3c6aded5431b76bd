using System.Security.Cryptography;
using Airlock.ControlPlane.Api;

namespace Airlock.ControlPlane.Server.Diagnostics;

/// <summary>
/// Fault injection for tests, all off by default: added latency on every API request, a share of writes failing with a
/// chosen status, watches cut after an interval and, optionally, their resumption answered with 410 Gone. Settable at any
/// time; read on each request.
/// </summary>
public sealed class TestKnobs
{
    /// <summary>Delay added before every API request is handled.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Share (0..1) of create/update/patch/delete requests that fail with <see cref="WriteErrorCode"/>.</summary>
    public double WriteErrorRate { get; set; }

    /// <summary>500 (InternalError), 429 (TooManyRequests, with Retry-After) or 409 (Conflict).</summary>
    public int WriteErrorCode { get; set; } = 500;

    /// <summary>When set, every watch stream is closed by the server after this long.</summary>
    public TimeSpan? WatchDropInterval { get; set; }

    /// <summary>
    /// When set, a watch cut by <see cref="WatchDropInterval"/> gets 410 Gone (an ERROR event, as for a compacted
    /// resourceVersion) when its client resumes it, once per cut, so informers must relist: the "watch drop with 410 on
    /// resume" of a misbehaving API server, without depending on how far the watch history reaches.
    /// </summary>
    public bool WatchResumeGone { get; set; }

    /// <summary>The cut watches waiting for their resumption (see <see cref="WatchResumeGone"/>).</summary>
    public WatchCuts Cuts { get; } = new(TimeProvider.System);

    /// <summary>Resumed watches answered with 410 Gone because of <see cref="WatchResumeGone"/>.</summary>
    public long ResumesRefused => Interlocked.Read(ref _resumesRefused);

    private long _resumesRefused;

    /// <summary>True (and counted) when a watch from <paramref name="from"/> resumes a cut one and must get 410 Gone.</summary>
    internal bool RefuseResume(string watch, long from)
    {
        if (!WatchResumeGone || !Cuts.TryConsume(watch, from)) return false;
        Interlocked.Increment(ref _resumesRefused);
        return true;
    }

    public void Reset()
    {
        Latency = TimeSpan.Zero;
        WriteErrorRate = 0;
        WriteErrorCode = 500;
        WatchDropInterval = null;
        WatchResumeGone = false;
        Cuts.Clear();
    }

    internal async Task ApplyAsync(string verb, string resource, string name, CancellationToken cancellationToken)
    {
        if (Latency > TimeSpan.Zero) await Task.Delay(Latency, cancellationToken);
        if (verb is not ("create" or "update" or "patch" or "delete" or "deletecollection")) return;
        var rate = WriteErrorRate;
        if (rate <= 0 || RandomNumberGenerator.GetInt32(1_000_000) >= rate * 1_000_000) return;
        throw WriteErrorCode switch
        {
            429 => new ApiError(429, "TooManyRequests", "the server has received too many requests and has asked us to try again later (injected)",
                new StatusDetails(name, null, resource), TimeSpan.FromSeconds(1)),
            409 => ApiError.Conflict(resource, name, "the object has been modified; please apply your changes to the latest version and try again (injected)"),
            _ => ApiError.Internal("an error on the server (\"injected failure\") has prevented the request from succeeding"),
        };
    }
}
