namespace Airlock.ControlPlane.Server.Diagnostics;

/// <summary>One counter's key.</summary>
public readonly record struct RequestKey(string Verb, string Resource, string User);
