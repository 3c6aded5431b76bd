using Airlock.Operator.Governance.Keys;
using k8s;

namespace Airlock.Operator.Governance.Approval;

/// <summary>
/// Keeps the approval-seal key in the Secret <see cref="SecretName"/> of the operator's namespace, so every replica seals
/// and verifies with the same key; creates it (random) when missing.
/// </summary>
public static class ApprovalKeyStore
{
    public const string SecretName = "airlock-approval-key";

    public static async Task<ApprovalSeal> LoadOrCreateAsync(IKubernetes client, string @namespace, CancellationToken cancellationToken) =>
        new(await SecretKeyStore.LoadOrCreateAsync(client, @namespace, SecretName, ApprovalSeal.KeyBytes, cancellationToken).ConfigureAwait(false));
}
