namespace Airlock.Cli.Commands;

/// <summary>Shared edges of the offline commands: reading files and reporting usage errors (exit code 2).</summary>
internal static class ValidateOutput
{
    public const int UsageError = 2;

    public static int Usage(string message)
    {
        Console.Error.WriteLine(message);
        return UsageError;
    }

    /// <summary>The file's text; "-" reads standard input. Throws <see cref="IOException"/> with a readable message when missing.</summary>
    public static string ReadFile(string path)
    {
        if (path == "-") return Console.In.ReadToEnd();
        if (!File.Exists(path)) throw new FileNotFoundException("no such file");
        return File.ReadAllText(path);
    }
}
