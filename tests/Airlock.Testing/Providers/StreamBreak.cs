namespace Airlock.Testing.Providers;

/// <summary>How the stand-in provider breaks a stream off after its first text chunk.</summary>
public enum StreamBreak
{
    /// <summary>The stream runs to its terminal event.</summary>
    None,

    /// <summary>The connection is aborted (the gateway's read fails).</summary>
    Reset,

    /// <summary>The body ends cleanly but without the rest and without the terminal event.</summary>
    Truncate,
}
