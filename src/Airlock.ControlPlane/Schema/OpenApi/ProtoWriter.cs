using System.Buffers.Binary;
using System.Text;

namespace Airlock.ControlPlane.Schema.OpenApi;

/// <summary>
/// A minimal protobuf wire-format writer: varints, strings, doubles and nested messages. Fields at their proto3 default
/// (empty string, false, zero) are left out, as proto3 encoders do.
/// </summary>
public sealed class ProtoWriter
{
    private const int Varint = 0;
    private const int Fixed64 = 1;
    private const int LengthDelimited = 2;

    private readonly MemoryStream _buffer = new();

    public byte[] ToArray() => _buffer.ToArray();

    public void String(int field, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        Bytes(field, Encoding.UTF8.GetBytes(value));
    }

    public void Bool(int field, bool value)
    {
        if (!value) return;
        Tag(field, Varint);
        WriteVarint(1);
    }

    public void Int64(int field, long value)
    {
        if (value == 0) return;
        Tag(field, Varint);
        WriteVarint(unchecked((ulong)value));
    }

    public void Double(int field, double value)
    {
        if (value == 0) return;
        Tag(field, Fixed64);
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(bytes, value);
        _buffer.Write(bytes);
    }

    /// <summary>A nested message, written even when empty (a present-but-empty message differs from an absent one).</summary>
    public void Message(int field, Action<ProtoWriter> write)
    {
        var nested = new ProtoWriter();
        write(nested);
        Bytes(field, nested.ToArray());
    }

    private void Bytes(int field, byte[] value)
    {
        Tag(field, LengthDelimited);
        WriteVarint((ulong)value.Length);
        _buffer.Write(value);
    }

    private void Tag(int field, int wireType) => WriteVarint(((ulong)field << 3) | (uint)wireType);

    private void WriteVarint(ulong value)
    {
        while (value >= 0x80)
        {
            _buffer.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        _buffer.WriteByte((byte)value);
    }
}
