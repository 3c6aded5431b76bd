using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Airlock.ControlPlane.Auth;

namespace Airlock.ControlPlane.Server;

/// <summary>
/// The API server's TLS certificate, signed by the dev CA. Uses <see cref="DevCertificateAuthority.IssueServerCertificate"/>;
/// when that fails (its CA certificate already carries the private key, so re-attaching it throws) it signs with the CA's key
/// directly, same names, same lifetime.
/// </summary>
public static class ServingCertificate
{
    public static X509Certificate2 Issue(DevCertificateAuthority ca)
    {
        string[] names = ["localhost"];
        IPAddress[] addresses = [IPAddress.Loopback];
        try
        {
            return ca.IssueServerCertificate(names, addresses);
        }
        catch (InvalidOperationException)
        {
            return IssueWithCaKey(ca.Certificate, names, addresses);
        }
    }

    private static X509Certificate2 IssueWithCaKey(X509Certificate2 caCertificate, string[] names, IPAddress[] addresses)
    {
        using var caKey = caCertificate.GetECDsaPrivateKey() ?? throw new InvalidOperationException("the dev CA has no private key");
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={names[0]}", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in names) san.AddDnsName(name);
        foreach (var ip in addresses) san.AddIpAddress(ip);
        request.CertificateExtensions.Add(san.Build(true));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(caCertificate, true, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        var now = DateTimeOffset.UtcNow;
        using var signed = request.Create(caCertificate.SubjectName, X509SignatureGenerator.CreateForECDsa(caKey), now.AddHours(-1), now.AddYears(1), serial);
        using var withKey = signed.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }
}
