using System.Diagnostics;
using System.Text;

namespace Airlock.Testing;

/// <summary>A running kubectl whose standard output is collected as it arrives; killed on dispose.</summary>
public sealed class KubectlProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly Lock _gate = new();

    internal KubectlProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_gate) _stdout.AppendLine(e.Data);
        };
        _process.BeginOutputReadLine();
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_gate) return _stdout.ToString();
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }
}
