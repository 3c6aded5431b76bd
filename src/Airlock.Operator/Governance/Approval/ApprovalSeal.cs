using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Airlock.Api;
using Airlock.Api.Tasks;
using Airlock.Operator.Status;
using k8s;

namespace Airlock.Operator.Governance.Approval;

/// <summary>
/// The operator's proof that an approval went through its admission webhook: an HMAC-SHA256, under a key only the
/// operator holds, over the task's identity (namespace, name, uid), the approver, the time and a hash of the spec. The
/// reconciler honours an approval only when the seal verifies against the current spec, so an annotation written past
/// the webhook approves nothing, and a spec edited after the approval needs a new one.
/// </summary>
public sealed class ApprovalSeal : IApprovalVerifier
{
    public const int KeyBytes = 32;
    private const string Version = "v1";
    private readonly byte[] _key;

    public ApprovalSeal(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < KeyBytes) throw new ArgumentException($"the approval key needs at least {KeyBytes} bytes", nameof(key));
        _key = [.. key];
    }

    /// <summary>A seal under a fresh random key (tests, and a single operator without a stored key).</summary>
    public static ApprovalSeal Generate() => new(RandomNumberGenerator.GetBytes(KeyBytes));

    /// <summary>The seal value for an approval of <paramref name="task"/> (its current spec) by <paramref name="approver"/> at <paramref name="approvedAt"/>.</summary>
    public string Sign(AgentTask task, string approver, string approvedAt)
    {
        var spec = SpecHash(task.Spec);
        return $"{Version}.{spec}.{Mac(task, approver, approvedAt, spec)}";
    }

    /// <summary>The approval recorded on the task if its seal verifies against the current spec; else why it does not count.</summary>
    public (VerifiedApproval? Approval, string? Problem) Verify(AgentTask task)
    {
        var annotations = task.Metadata?.Annotations;
        if (annotations is null || !annotations.TryGetValue(AirlockAnnotations.ApprovedBy, out var approver) || approver.Length == 0) return (null, null);
        var at = annotations.TryGetValue(AirlockAnnotations.ApprovedAt, out var a) ? a : "";
        if (!annotations.TryGetValue(AirlockAnnotations.ApprovalSeal, out var seal))
            return (null, $"the approval by {approver} was not recorded through the admission webhook and does not count; approve with airlock approve");
        var parts = seal.Split('.');
        if (parts.Length != 3 || parts[0] != Version || !FixedTimeEquals(parts[2], Mac(task, approver, at, parts[1])))
            return (null, $"the approval seal for {approver} does not verify and the approval does not count; approve again with airlock approve");
        if (parts[1] != SpecHash(task.Spec))
            return (null, $"the approval by {approver} was for an earlier spec; the changed task needs a new approval");
        var when = DateTime.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed : DateTime.UnixEpoch;
        return (new VerifiedApproval(approver, when), null);
    }

    /// <summary>SHA-256 of the spec without <c>ttlSecondsAfterFinished</c> (when children are deleted changes nothing the approver judged).</summary>
    public static string SpecHash(AgentTaskSpec? spec)
    {
        var copy = KubernetesJson.Deserialize<AgentTaskSpec>(KubernetesJson.Serialize(spec ?? new AgentTaskSpec()));
        copy.TtlSecondsAfterFinished = null;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(KubernetesJson.Serialize(copy))));
    }

    private string Mac(AgentTask task, string approver, string at, string specHash)
    {
        var meta = task.Metadata;
        var text = string.Join('\n', Version, meta?.NamespaceProperty ?? "", meta?.Name ?? "", meta?.Uid ?? "", approver, at, specHash);
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text)));
    }

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}
