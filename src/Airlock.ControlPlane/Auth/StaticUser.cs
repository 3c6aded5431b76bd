namespace Airlock.ControlPlane.Auth;

/// <summary>A user known by a static bearer token (the kubeconfig's admin, alice and bob).</summary>
public sealed record StaticUser(string Name, string Token, IReadOnlyList<string> Groups);
