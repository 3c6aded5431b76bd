namespace Airlock.ControlPlane.Server.Protobuf;

/// <summary>Field shapes used by the Kubernetes API's generated.proto files.</summary>
public enum ProtoKind
{
    String,
    Int64,
    Int32,
    Bool,

    /// <summary>Bytes, written to JSON as base64 (as the JSON encoding of []byte is).</summary>
    Bytes,
    Message,
    MapStringString,
    MapStringBytes,

    /// <summary>metav1.Time: seconds and nanos, written as RFC 3339.</summary>
    Time,
}
