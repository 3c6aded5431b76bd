using System.Buffers.Binary;
using System.IO.Compression;

namespace Airlock.Guardrails.Injection.Learned;

/// <summary>
/// A logistic-regression model over hashed features: 2^<see cref="Bits"/> weights quantised to Int16 with one scale, a
/// bias, the probability above which it calls a text an injection (chosen on a validation split), and the SHA-256 of
/// the corpus it was trained on. Stored zlib-compressed; the embedded copy is <c>injection-model.bin</c>.
/// </summary>
public sealed class LearnedModel
{
    public const int Bits = 18;
    private const uint Magic = 0x4E524C41; // "ALRN"
    private const int Version = 1;
    private const string ResourceName = "Airlock.Guardrails.Injection.Learned.injection-model.bin";

    private static readonly Lazy<LearnedModel> EmbeddedModel = new(LoadEmbedded);

    public LearnedModel(short[] weights, float scale, float bias, float threshold, string corpusSha256)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Length != 1 << Bits) throw new ArgumentException($"a model has {1 << Bits} weights", nameof(weights));
        if (corpusSha256 is not { Length: 64 }) throw new ArgumentException("the corpus hash is 64 hex digits", nameof(corpusSha256));
        Weights = weights;
        Scale = scale;
        Bias = bias;
        Threshold = threshold;
        CorpusSha256 = corpusSha256;
    }

    /// <summary>The model compiled into the assembly.</summary>
    public static LearnedModel Embedded => EmbeddedModel.Value;

    internal short[] Weights { get; }

    public float Scale { get; }

    public float Bias { get; }

    /// <summary>The probability from which the model's own verdict is "injection".</summary>
    public float Threshold { get; }

    public string CorpusSha256 { get; }

    public int NonZeroWeights => Weights.Count(w => w != 0);

    public bool SameAs(LearnedModel other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Scale == other.Scale && Bias == other.Bias && Threshold == other.Threshold
            && CorpusSha256 == other.CorpusSha256 && Weights.AsSpan().SequenceEqual(other.Weights);
    }

    public byte[] Serialize()
    {
        var raw = new byte[32 + 32 + (Weights.Length * 2)];
        BinaryPrimitives.WriteUInt32LittleEndian(raw, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(raw.AsSpan(4), Version);
        BinaryPrimitives.WriteInt32LittleEndian(raw.AsSpan(8), Bits);
        BinaryPrimitives.WriteSingleLittleEndian(raw.AsSpan(12), Scale);
        BinaryPrimitives.WriteSingleLittleEndian(raw.AsSpan(16), Bias);
        BinaryPrimitives.WriteSingleLittleEndian(raw.AsSpan(20), Threshold);
        Convert.FromHexString(CorpusSha256).CopyTo(raw.AsSpan(32));
        for (var i = 0; i < Weights.Length; i++) BinaryPrimitives.WriteInt16LittleEndian(raw.AsSpan(64 + (i * 2)), Weights[i]);
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true)) zlib.Write(raw);
        return output.ToArray();
    }

    public static LearnedModel Deserialize(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var zlib = new ZLibStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var buffer = new MemoryStream();
        zlib.CopyTo(buffer);
        var raw = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (raw.Length < 64 || BinaryPrimitives.ReadUInt32LittleEndian(raw) != Magic) throw new InvalidDataException("not an Airlock injection model");
        if (BinaryPrimitives.ReadInt32LittleEndian(raw[4..]) != Version || BinaryPrimitives.ReadInt32LittleEndian(raw[8..]) != Bits)
            throw new InvalidDataException("unsupported injection model version or size");
        if (raw.Length != 64 + ((1 << Bits) * 2)) throw new InvalidDataException("truncated injection model");
        var weights = new short[1 << Bits];
        for (var i = 0; i < weights.Length; i++) weights[i] = BinaryPrimitives.ReadInt16LittleEndian(raw[(64 + (i * 2))..]);
        return new LearnedModel(
            weights,
            BinaryPrimitives.ReadSingleLittleEndian(raw[12..]),
            BinaryPrimitives.ReadSingleLittleEndian(raw[16..]),
            BinaryPrimitives.ReadSingleLittleEndian(raw[20..]),
            Convert.ToHexStringLower(raw.Slice(32, 32)));
    }

    private static LearnedModel LoadEmbedded()
    {
        using var stream = typeof(LearnedModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the injection model {ResourceName} is not embedded");
        return Deserialize(stream);
    }
}
