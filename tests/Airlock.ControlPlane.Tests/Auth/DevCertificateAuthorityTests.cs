using System.Net;
using System.Security.Cryptography.X509Certificates;
using Airlock.ControlPlane.Auth;

namespace Airlock.ControlPlane.Tests.Auth;

public class DevCertificateAuthorityTests
{
    [Test]
    public void Issued_server_certificate_chains_to_the_ca_and_names_loopback()
    {
        using var ca = DevCertificateAuthority.Create();
        using var certificate = ca.IssueServerCertificate(["localhost"], [IPAddress.Loopback]);

        certificate.HasPrivateKey.Should().BeTrue();
        ca.Issued(certificate).Should().BeTrue();
        certificate.MatchesHostname("localhost").Should().BeTrue();
        certificate.MatchesHostname("127.0.0.1").Should().BeTrue();
        certificate.MatchesHostname("example.com").Should().BeFalse();
    }

    [Test]
    public void Certificate_from_another_ca_is_not_trusted()
    {
        using var ca = DevCertificateAuthority.Create();
        using var other = DevCertificateAuthority.Create("other-ca");
        using var foreign = other.IssueServerCertificate(["localhost"], []);

        ca.Issued(foreign).Should().BeFalse();
    }

    [Test]
    public void Ca_pem_is_a_certificate_without_a_private_key()
    {
        using var ca = DevCertificateAuthority.Create();

        ca.CertificatePem.Should().StartWith("-----BEGIN CERTIFICATE-----").And.NotContain("PRIVATE KEY");
        using var parsed = X509Certificate2.CreateFromPem(ca.CertificatePem);
        parsed.HasPrivateKey.Should().BeFalse();
    }
}
