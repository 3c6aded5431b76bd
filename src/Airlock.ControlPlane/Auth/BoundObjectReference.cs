namespace Airlock.ControlPlane.Auth;

/// <summary>The object a service-account token is bound to (a Pod or a Secret); the token dies with it.</summary>
public sealed record BoundObjectReference(string Kind, string Name, string Uid);
