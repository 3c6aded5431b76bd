using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Airlock.Operator.Webhooks.Certificates;

/// <summary>Makes the webhook's self-signed CA and the serving certificates it signs (ECDSA P-256, PEM in and out).</summary>
public static class CertificateIssuer
{
    /// <summary>A new CA valid from an hour before <paramref name="now"/> (clock skew) for <paramref name="lifetime"/>.</summary>
    public static X509Certificate2 NewCa(DateTimeOffset now, TimeSpan lifetime)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN=airlock-webhook-ca {now:yyyyMMddHHmmss}, O=airlock", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var ca = request.CreateSelfSigned(now.AddHours(-1), now + lifetime);
        return Reload(ca);
    }

    /// <summary>A serving certificate for <paramref name="dnsNames"/> and <paramref name="addresses"/>, signed by <paramref name="ca"/>, never outliving it.</summary>
    public static X509Certificate2 Issue(X509Certificate2 ca, IReadOnlyList<string> dnsNames, IReadOnlyList<IPAddress> addresses, DateTimeOffset now, TimeSpan lifetime)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = dnsNames.Count > 0 ? dnsNames[0] : (addresses.Count > 0 ? addresses[0].ToString() : "localhost");
        var request = new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in dnsNames) san.AddDnsName(name);
        foreach (var ip in addresses) san.AddIpAddress(ip);
        request.CertificateExtensions.Add(san.Build(true));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        var notAfter = now + lifetime < ca.NotAfter ? now + lifetime : new DateTimeOffset(ca.NotAfter.ToUniversalTime());
        using var signed = request.Create(ca, now.AddHours(-1), notAfter, serial);
        using var withKey = signed.CopyWithPrivateKey(key);
        return Reload(withKey);
    }

    public static string CertificatePem(X509Certificate2 certificate) => certificate.ExportCertificatePem() + "\n";

    public static string KeyPem(X509Certificate2 certificate) =>
        (certificate.GetECDsaPrivateKey() ?? throw new InvalidOperationException("the certificate has no ECDSA private key")).ExportPkcs8PrivateKeyPem() + "\n";

    /// <summary>A certificate with its key from PEM text (cert-manager and the CA Secret store PEM).</summary>
    public static X509Certificate2 FromPem(string certificatePem, string keyPem)
    {
        using var loaded = X509Certificate2.CreateFromPem(certificatePem, keyPem);
        return Reload(loaded);
    }

    /// <summary>Round-trips through PKCS#12 so SslStream on Linux can use an ephemeral key.</summary>
    private static X509Certificate2 Reload(X509Certificate2 certificate) =>
        X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
}
