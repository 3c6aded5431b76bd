using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Airlock.Gateway.Guardrails;

/// <summary>
/// Names a scanned text without keeping it: the scope (a task) and the SHA-256 of the text. A cryptographic hash, because
/// the text comes from whoever wrote a web page or a tool result: with a weaker hash an attacker could craft content that
/// collides with an earlier clean message and skip the scan.
/// </summary>
public readonly record struct ScanKey(string Scope, ulong A, ulong B, ulong C, ulong D)
{
    public static ScanKey Of(string scope, ReadOnlySpan<char> text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(MemoryMarshal.AsBytes(text), hash);
        return new ScanKey(
            scope,
            BinaryPrimitives.ReadUInt64LittleEndian(hash),
            BinaryPrimitives.ReadUInt64LittleEndian(hash[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(hash[16..]),
            BinaryPrimitives.ReadUInt64LittleEndian(hash[24..]));
    }
}
