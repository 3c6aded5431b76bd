using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Airlock.Api;
using k8s.Models;

namespace Airlock.Runtime.Events;

/// <summary>
/// Proof that an anomaly Event was written by a component holding the shared signal key (the gateway, the egress proxy):
/// an HMAC-SHA256 over the task it names (namespace, name, uid), the reason, the reporting component, the message and the
/// issue time. Everyone who may create Events can write the rest of an Event, so the operator acts only on sealed ones.
/// </summary>
/// <remarks>
/// The value is <c>v1.&lt;issued, Unix seconds&gt;.&lt;hex MAC&gt;</c> in the annotation <see cref="AirlockAnnotations.SignalSeal"/>.
/// Every sealed fact stays put while <see cref="EventRecorder"/> aggregates repeats (it bumps only <c>count</c> and
/// <c>lastTimestamp</c>, and a different message makes a new Event). The uid binds a seal to one task: copied onto an
/// Event about another task, or a later task of the same name, it does not verify.
/// </remarks>
public sealed class SignalSeal
{
    public const int KeyBytes = 32;

    /// <summary>The Secret (in the operator's namespace, field <c>key</c>) that holds the key.</summary>
    public const string SecretName = "airlock-signal-key";

    private const string Version = "v1";
    private const int MacHexLength = 64;
    private readonly byte[] _key;

    public SignalSeal(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < KeyBytes) throw new ArgumentException($"the signal key needs at least {KeyBytes} bytes", nameof(key));
        _key = [.. key];
    }

    /// <summary>A seal under a fresh random key (tests, and <c>airlock dev</c>, which hands it to every component).</summary>
    public static SignalSeal Generate() => new(RandomNumberGenerator.GetBytes(KeyBytes));

    /// <summary>The seal under the key in <paramref name="path"/> (the Secret's <c>key</c> field mounted as a file, raw bytes).</summary>
    /// <exception cref="InvalidOperationException">The file is missing, unreadable or holds fewer than <see cref="KeyBytes"/> bytes.</exception>
    public static SignalSeal FromFile(string path)
    {
        byte[] key;
        try
        {
            key = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InvalidOperationException($"cannot read the signal key {path}: {e.Message}", e);
        }
        if (key.Length < KeyBytes) throw new InvalidOperationException($"the signal key {path} holds {key.Length} bytes; it needs at least {KeyBytes}");
        return new SignalSeal(key);
    }

    /// <summary>The seal value for an Event by <paramref name="component"/> about <paramref name="task"/> issued at <paramref name="issuedAt"/>.</summary>
    public string Sign(V1ObjectReference task, string reason, string component, string message, DateTimeOffset issuedAt)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (string.IsNullOrEmpty(task.Uid)) throw new ArgumentException("a signal names its task by uid; this reference has none", nameof(task));
        var issued = issuedAt.ToUnixTimeSeconds();
        return $"{Version}.{issued.ToString(CultureInfo.InvariantCulture)}.{Mac(task, reason, component, message, issued)}";
    }

    /// <summary>Whether <paramref name="e"/> carries a seal that verifies for its own task, reason, component and message.</summary>
    public SignalVerdict Verify(Corev1Event e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Metadata?.Annotations?.TryGetValue(AirlockAnnotations.SignalSeal, out var seal) != true || seal is null) return SignalVerdict.Refused(SignalSealProblem.Missing);
        var parts = seal.Split('.');
        if (parts.Length != 3 || parts[0] != Version || parts[2].Length != MacHexLength
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var issued) || issued > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || e.InvolvedObject is not { Uid.Length: > 0 } task)
        {
            return SignalVerdict.Refused(SignalSealProblem.Malformed);
        }
        var expected = Mac(task, e.Reason ?? "", Component(e), e.Message ?? "", issued);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(parts[2]), Encoding.ASCII.GetBytes(expected))
            ? SignalVerdict.Sealed(DateTimeOffset.FromUnixTimeSeconds(issued).UtcDateTime)
            : SignalVerdict.Refused(SignalSealProblem.Invalid);
    }

    /// <summary>The component an Event names: <c>reportingComponent</c>, else <c>source.component</c> (what the operator reports).</summary>
    public static string Component(Corev1Event e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.ReportingComponent is { Length: > 0 } component ? component : e.Source?.Component ?? "";
    }

    // Every field is length-prefixed, so no choice of message or component can shift text from one field into another.
    private string Mac(V1ObjectReference task, string reason, string component, string message, long issued)
    {
        var text = new StringBuilder("airlock-signal");
        foreach (var field in new[] { Version, task.NamespaceProperty ?? "", task.Name ?? "", task.Uid ?? "", reason, component, message, issued.ToString(CultureInfo.InvariantCulture) })
        {
            text.Append('\n').Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field);
        }
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text.ToString())));
    }
}
