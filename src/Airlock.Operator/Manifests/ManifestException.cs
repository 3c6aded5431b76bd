namespace Airlock.Operator.Manifests;

/// <summary>A manifest that cannot be read at all (not YAML, not an object, wrong kind): a usage error, not a validation problem.</summary>
public sealed class ManifestException(string message) : Exception(message);
