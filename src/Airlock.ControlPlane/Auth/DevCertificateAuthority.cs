using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Airlock.ControlPlane.Auth;

/// <summary>A throwaway certificate authority for the local control plane and the webhooks it calls.</summary>
public sealed class DevCertificateAuthority : IDisposable
{
    private readonly X509Certificate2 _ca;
    private readonly ECDsa _key;

    private DevCertificateAuthority(X509Certificate2 ca, ECDsa key)
    {
        _ca = ca;
        _key = key;
    }

    /// <summary>A new CA with a fresh P-256 key, valid for ten years from an hour ago (clock skew).</summary>
    public static DevCertificateAuthority Create(string commonName = "airlock-dev-ca")
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}, O=airlock", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 1, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        var ca = request.CreateSelfSigned(now.AddHours(-1), now.AddYears(10));
        return new DevCertificateAuthority(ca, key);
    }

    /// <summary>The CA certificate (it carries the CA's private key: hand out <see cref="CertificatePem"/>, never this object).</summary>
    public X509Certificate2 Certificate => _ca;

    /// <summary>The CA certificate, PEM-encoded (kubeconfig <c>certificate-authority-data</c>, webhook <c>caBundle</c>).</summary>
    public string CertificatePem => _ca.ExportCertificatePem() + "\n";

    /// <summary>A serving certificate (with private key) for the given names and addresses, signed by this CA, valid one year.</summary>
    public X509Certificate2 IssueServerCertificate(IEnumerable<string> dnsNames, IEnumerable<IPAddress> addresses)
    {
        var names = dnsNames.ToList();
        var ips = addresses.ToList();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = names.Count > 0 ? names[0] : ips.FirstOrDefault()?.ToString() ?? "localhost";
        var request = new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in names) san.AddDnsName(name);
        foreach (var ip in ips) san.AddIpAddress(ip);
        request.CertificateExtensions.Add(san.Build(true));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_ca, true, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        var now = DateTimeOffset.UtcNow;
        // CreateSelfSigned leaves the CA certificate holding its key, so it can sign directly.
        using var signed = request.Create(_ca, now.AddHours(-1), now.AddYears(1), serial);
        using var withKey = signed.CopyWithPrivateKey(key);
        // Round-trip through PKCS#12 so Kestrel (and SslStream on Linux) can use the ephemeral key.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>True when <paramref name="certificate"/> chains to this CA (custom trust root, no system roots).</summary>
    public bool Issued(X509Certificate2 certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    public void Dispose()
    {
        _ca.Dispose();
        _key.Dispose();
    }
}
