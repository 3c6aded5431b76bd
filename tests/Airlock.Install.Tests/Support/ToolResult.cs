namespace Airlock.Install.Tests.Support;

/// <summary>What one run of an external tool printed and returned.</summary>
public sealed record ToolResult(string Command, int ExitCode, string Stdout, string Stderr)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Throws with the command line and both streams when the tool failed.</summary>
    public ToolResult EnsureSuccess()
    {
        if (!Succeeded) throw new InvalidOperationException(ToString());
        return this;
    }

    public override string ToString() => $"{Command} → exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
