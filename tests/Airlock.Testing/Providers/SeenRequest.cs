namespace Airlock.Testing.Providers;

/// <summary>A request the stand-in provider received: path, headers (lower-case names) and body.</summary>
public sealed record SeenRequest(string Path, IReadOnlyDictionary<string, string> Headers, string Body);
