namespace Airlock.ControlPlane.Server.Protobuf;

/// <summary>One field of a Kubernetes protobuf message: its JSON name and how to read it.</summary>
public sealed record ProtoField(string Name, ProtoKind Kind, string? Message = null, bool Repeated = false);
