using System.Text;

namespace Airlock.ControlPlane.Server.Protobuf;

/// <summary>A minimal protobuf wire-format reader (varints and length-delimited fields; fixed-width ones are skipped).</summary>
public sealed class ProtoReader(ReadOnlyMemory<byte> buffer)
{
    private readonly ReadOnlyMemory<byte> _buffer = buffer;
    private int _position;

    public bool TryReadTag(out int field, out int wireType)
    {
        if (_position >= _buffer.Length)
        {
            (field, wireType) = (0, 0);
            return false;
        }
        var tag = ReadVarint();
        field = (int)(tag >> 3);
        wireType = (int)(tag & 7);
        return true;
    }

    public ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_position >= _buffer.Length) throw new InvalidDataException("truncated varint");
            var b = _buffer.Span[_position++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
        throw new InvalidDataException("varint too long");
    }

    public ReadOnlyMemory<byte> ReadBytes()
    {
        var length = (int)ReadVarint();
        if (length < 0 || _position + length > _buffer.Length) throw new InvalidDataException("truncated length-delimited field");
        var slice = _buffer.Slice(_position, length);
        _position += length;
        return slice;
    }

    public string ReadString() => Encoding.UTF8.GetString(ReadBytes().Span);

    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case 0:
                ReadVarint();
                break;
            case 1:
                _position += 8;
                break;
            case 2:
                ReadBytes();
                break;
            case 5:
                _position += 4;
                break;
            default:
                throw new InvalidDataException($"unsupported wire type {wireType}");
        }
        if (_position > _buffer.Length) throw new InvalidDataException("truncated fixed-width field");
    }
}
