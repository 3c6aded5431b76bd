using System.Net;
using System.Security.Cryptography;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Airlock.Operator.Governance.Keys;

/// <summary>
/// Keeps a random key in a Secret of the operator's namespace (field <see cref="KeyField"/>), so every replica (and, for
/// the signal key, the gateway and egress proxy that mount it) uses the same one; creates it when missing.
/// </summary>
public static class SecretKeyStore
{
    public const string KeyField = "key";

    /// <summary>The key in <paramref name="secretName"/>, made of <paramref name="keyBytes"/> random bytes first if the Secret is missing.</summary>
    /// <exception cref="InvalidOperationException">The Secret exists but holds no key of at least <paramref name="keyBytes"/> bytes.</exception>
    public static async Task<byte[]> LoadOrCreateAsync(IKubernetes client, string @namespace, string secretName, int keyBytes, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var secret = await client.CoreV1.ReadNamespacedSecretAsync(secretName, @namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (secret.Data?.TryGetValue(KeyField, out var key) == true && key.Length >= keyBytes) return key;
                throw new InvalidOperationException($"Secret {@namespace}/{secretName} holds no usable key; delete it to have a new one made");
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound && attempt < 3)
            {
                var secret = new V1Secret
                {
                    Metadata = new V1ObjectMeta { Name = secretName, NamespaceProperty = @namespace, Labels = new Dictionary<string, string> { [Api.AirlockLabels.ManagedBy] = Api.AirlockLabels.ManagedByValue } },
                    Type = "Opaque",
                    Data = new Dictionary<string, byte[]> { [KeyField] = RandomNumberGenerator.GetBytes(keyBytes) },
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
