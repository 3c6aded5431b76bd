using Airlock.Operator.Governance.Keys;
using Airlock.Runtime.Events;
using k8s;

namespace Airlock.Operator.Governance.Quarantine;

/// <summary>
/// Keeps the signal key in the Secret <see cref="SignalSeal.SecretName"/> of the operator's namespace (created, random, when
/// missing). The chart mounts the same Secret into the gateway and the egress proxy, which seal their anomaly Events with it.
/// </summary>
public static class SignalKeyStore
{
    public static async Task<SignalSeal> LoadOrCreateAsync(IKubernetes client, string @namespace, CancellationToken cancellationToken) =>
        new(await SecretKeyStore.LoadOrCreateAsync(client, @namespace, SignalSeal.SecretName, SignalSeal.KeyBytes, cancellationToken).ConfigureAwait(false));
}
