using System.Diagnostics;
using System.Globalization;

namespace Airlock.Bench.Hosting;

/// <summary>
/// A child process whose output goes straight to a log file (through <c>exec</c> in a shell, so the bench relays nothing
/// and the pid is the program's own). Killed with SIGKILL for chaos, stopped with SIGTERM otherwise.
/// </summary>
public sealed class LoggedProcess : IAsyncDisposable
{
    private readonly Process _process;

    private LoggedProcess(Process process, string logPath)
    {
        _process = process;
        LogPath = logPath;
    }

    public string LogPath { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>VmRSS in MiB (null once the process has exited).</summary>
    public double? ResidentMegabytes => ProcessMemory.ResidentMegabytes(_process.Id);

    public static LoggedProcess Start(string fileName, IEnumerable<string> arguments, string logPath, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("exec \"$0\" \"$@\" >>\"$AIRLOCK_BENCH_LOG\" 2>&1 </dev/null");
        info.ArgumentList.Add(fileName);
        foreach (var arg in arguments) info.ArgumentList.Add(arg);
        info.Environment["AIRLOCK_BENCH_LOG"] = logPath;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {fileName}");
        return new LoggedProcess(process, logPath);
    }

    /// <summary>The log so far (shared read: the child keeps writing).</summary>
    public string ReadLog()
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (FileNotFoundException)
        {
            return "";
        }
    }

    /// <summary>SIGKILL: no cleanup, no flush (what a node failure or an OOM kill looks like).</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: false);
    }

    /// <summary>SIGTERM, then SIGKILL after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited) return;
        using (var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
        {
            if (term is not null) await term.WaitForExitAsync().ConfigureAwait(false);
        }
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill();
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    public Task WaitForExitAsync() => _process.WaitForExitAsync();

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        _process.Dispose();
    }
}
