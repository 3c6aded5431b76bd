using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Airlock.Operator.Webhooks.Certificates;

/// <summary>
/// The operator's own webhook PKI: a self-signed CA kept in the Secret <see cref="SecretName"/> of its namespace (shared
/// by every replica) and a serving certificate each replica issues from it in memory. <see cref="RotateAsync"/> renews the
/// CA <see cref="CaRenewBefore"/> before it expires (the bundle keeps the old CA until it expires, so clients with the old
/// caBundle keep working) and the serving certificate <see cref="ServingRenewBefore"/> before its end.
/// </summary>
public sealed class SelfSignedCertificateSource : IServingCertificateSource
{
    public const string SecretName = "airlock-webhook-ca";
    public static readonly TimeSpan CaLifetime = TimeSpan.FromDays(365);
    public static readonly TimeSpan CaRenewBefore = TimeSpan.FromDays(90);
    public static readonly TimeSpan ServingLifetime = TimeSpan.FromDays(30);
    public static readonly TimeSpan ServingRenewBefore = TimeSpan.FromDays(10);

    private readonly IKubernetes _client;
    private readonly string _namespace;
    private readonly IReadOnlyList<string> _dnsNames;
    private readonly IReadOnlyList<IPAddress> _addresses;
    private readonly TimeProvider _time;
    private volatile X509Certificate2? _current;
    private volatile string? _bundle;

    public SelfSignedCertificateSource(IKubernetes client, string @namespace, IReadOnlyList<string> dnsNames, IReadOnlyList<IPAddress> addresses, TimeProvider time)
    {
        _client = client;
        _namespace = @namespace;
        _dnsNames = dnsNames;
        _addresses = addresses;
        _time = time;
    }

    public X509Certificate2 Current => _current ?? throw new InvalidOperationException("no certificate yet: call RotateAsync first");

    public string? CaBundlePem => _bundle;

    /// <summary>Brings the CA and the serving certificate up to date; true when the CA bundle changed (patch it into the webhooks).</summary>
    public async Task<bool> RotateAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var (ca, bundle) = await EnsureCaAsync(now, cancellationToken).ConfigureAwait(false);
        var current = _current;
        if (current is null || current.Issuer != ca.Subject || current.NotAfter.ToUniversalTime() - now.UtcDateTime < ServingRenewBefore)
        {
            _current = CertificateIssuer.Issue(ca, _dnsNames, _addresses, now, ServingLifetime);
        }
        var changed = bundle != _bundle;
        _bundle = bundle;
        return changed;
    }

    private async Task<(X509Certificate2 Ca, string Bundle)> EnsureCaAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var secret = await ReadAsync(cancellationToken).ConfigureAwait(false);
            var ca = secret is null ? null : Load(secret);
            if (ca is not null && ca.NotAfter.ToUniversalTime() - now.UtcDateTime >= CaRenewBefore)
            {
                return (ca, Text(secret!, "ca-bundle.crt") ?? CertificateIssuer.CertificatePem(ca));
            }
            var fresh = CertificateIssuer.NewCa(now, CaLifetime);
            var bundle = CertificateIssuer.CertificatePem(fresh)
                + (ca is not null && ca.NotAfter.ToUniversalTime() > now.UtcDateTime ? CertificateIssuer.CertificatePem(ca) : "");
            var data = new Dictionary<string, byte[]>
            {
                ["ca.crt"] = Encoding.UTF8.GetBytes(CertificateIssuer.CertificatePem(fresh)),
                ["ca.key"] = Encoding.UTF8.GetBytes(CertificateIssuer.KeyPem(fresh)),
                ["ca-bundle.crt"] = Encoding.UTF8.GetBytes(bundle),
            };
            try
            {
                if (secret is null)
                {
                    var created = new V1Secret
                    {
                        Metadata = new V1ObjectMeta { Name = SecretName, NamespaceProperty = _namespace, Labels = new Dictionary<string, string> { [Api.AirlockLabels.ManagedBy] = Api.AirlockLabels.ManagedByValue } },
                        Type = "Opaque",
                        Data = data,
                    };
                    await _client.CoreV1.CreateNamespacedSecretAsync(created, _namespace, fieldManager: OperatorInfo.FieldManager, cancellationToken: cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    secret.Data = data;
                    await _client.CoreV1.ReplaceNamespacedSecretAsync(secret, SecretName, _namespace, fieldManager: OperatorInfo.FieldManager, cancellationToken: cancellationToken).ConfigureAwait(false);
                }
                return (fresh, bundle);
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict && attempt < 3)
            {
                // Another replica rotated at the same time: use what it stored.
            }
        }
    }

    private async Task<V1Secret?> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _client.CoreV1.ReadNamespacedSecretAsync(SecretName, _namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private static X509Certificate2? Load(V1Secret secret)
    {
        if (Text(secret, "ca.crt") is not { } cert || Text(secret, "ca.key") is not { } key) return null;
        try
        {
            return CertificateIssuer.FromPem(cert, key);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private static string? Text(V1Secret secret, string key) =>
        secret.Data?.TryGetValue(key, out var value) == true ? Encoding.UTF8.GetString(value) : null;
}
