using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Airlock.ControlPlane.Auth;

namespace Airlock.ControlPlane.Tests.Admission;

/// <summary>
/// Serving certificates for test webhooks from a <see cref="DevCertificateAuthority"/>. Until its
/// IssueServerCertificate stops calling CopyWithPrivateKey on a CA certificate that already carries its key
/// ("The certificate already has an associated private key"), the same certificate is issued here from the CA's
/// certificate (which does carry the key).
/// </summary>
internal static class ServingCertificates
{
    public static X509Certificate2 Issue(DevCertificateAuthority ca, IReadOnlyList<string> dnsNames, IReadOnlyList<IPAddress> addresses)
    {
        try
        {
            return ca.IssueServerCertificate(dnsNames, addresses);
        }
        catch (InvalidOperationException)
        {
            return IssueDirectly(ca.Certificate, dnsNames, addresses);
        }
    }

    private static X509Certificate2 IssueDirectly(X509Certificate2 issuer, IReadOnlyList<string> dnsNames, IReadOnlyList<IPAddress> addresses)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={(dnsNames.Count > 0 ? dnsNames[0] : addresses[0].ToString())}", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in dnsNames) san.AddDnsName(name);
        foreach (var ip in addresses) san.AddIpAddress(ip);
        request.CertificateExtensions.Add(san.Build(true));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        var now = DateTimeOffset.UtcNow;
        using var signed = request.Create(issuer, now.AddHours(-1), now.AddDays(1), RandomNumberGenerator.GetBytes(16));
        using var withKey = signed.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }
}
