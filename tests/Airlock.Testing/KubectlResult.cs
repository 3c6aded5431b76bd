namespace Airlock.Testing;

/// <summary>What one kubectl run printed and returned.</summary>
public sealed record KubectlResult(int ExitCode, string Stdout, string Stderr, IReadOnlyList<string> Args)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Throws with the command line and both streams when kubectl failed.</summary>
    public KubectlResult EnsureSuccess()
    {
        if (!Succeeded) throw new InvalidOperationException($"kubectl {string.Join(' ', Args)} exited {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}");
        return this;
    }

    public override string ToString() => $"kubectl {string.Join(' ', Args)} → {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}";
}
