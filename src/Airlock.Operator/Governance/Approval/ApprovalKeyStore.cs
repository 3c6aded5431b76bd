using System.Net;
using System.Security.Cryptography;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Airlock.Operator.Governance.Approval;

/// <summary>
/// Keeps the approval-seal key in the Secret <see cref="SecretName"/> of the operator's namespace, so every replica seals
/// and verifies with the same key; creates it (random) when missing.
/// </summary>
public static class ApprovalKeyStore
{
    public const string SecretName = "airlock-approval-key";
    private const string KeyField = "key";

    public static async Task<ApprovalSeal> LoadOrCreateAsync(IKubernetes client, string @namespace, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var secret = await client.CoreV1.ReadNamespacedSecretAsync(SecretName, @namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (secret.Data?.TryGetValue(KeyField, out var key) == true && key.Length >= ApprovalSeal.KeyBytes) return new ApprovalSeal(key);
                throw new InvalidOperationException($"Secret {@namespace}/{SecretName} holds no usable key; delete it to have a new one made");
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound && attempt < 3)
            {
                var secret = new V1Secret
                {
                    Metadata = new V1ObjectMeta { Name = SecretName, NamespaceProperty = @namespace, Labels = new Dictionary<string, string> { [Api.AirlockLabels.ManagedBy] = Api.AirlockLabels.ManagedByValue } },
                    Type = "Opaque",
                    Data = new Dictionary<string, byte[]> { [KeyField] = RandomNumberGenerator.GetBytes(ApprovalSeal.KeyBytes) },
                };
                try
                {
                    await client.CoreV1.CreateNamespacedSecretAsync(secret, @namespace, fieldManager: OperatorInfo.FieldManager, cancellationToken: cancellationToken).ConfigureAwait(false);
                }
                catch (HttpOperationException c) when (c.Response.StatusCode == HttpStatusCode.Conflict)
                {
                    // Another replica made it first: read theirs.
                }
            }
        }
    }
}
