using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Airlock.Runtime.Configuration;
using k8s;
using k8s.Exceptions;

namespace Airlock.Runtime.Tests.Configuration;

public class KubeconfigLoaderTests
{
    private const string TwoContexts = """
        apiVersion: v1
        kind: Config
        current-context: admin
        clusters:
        - name: local
          cluster:
            server: https://127.0.0.1:6443
            certificate-authority: ca.crt
        - name: other
          cluster:
            server: https://127.0.0.2:7443
            insecure-skip-tls-verify: true
        users:
        - name: admin
          user:
            token: admin-token
        - name: alice
          user:
            token: alice-token
        contexts:
        - name: admin
          context:
            cluster: local
            user: admin
            namespace: team-a
        - name: alice
          context:
            cluster: other
            user: alice
        preferences: {}
        """;

    private string _dir = "";

    [SetUp]
    public void CreateDirectory() => _dir = Directory.CreateTempSubdirectory("kubeconfig-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void The_current_context_gives_server_token_and_namespace()
    {
        WriteCertificateAuthority();

        var config = KubeconfigLoader.Load(Write(TwoContexts));

        config.Host.Should().Be("https://127.0.0.1:6443");
        config.AccessToken.Should().Be("admin-token");
        config.Namespace.Should().Be("team-a");
    }

    [Test]
    public void A_relative_certificate_path_is_read_beside_the_file()
    {
        var authority = WriteCertificateAuthority();

        var config = KubeconfigLoader.Load(Write(TwoContexts));

        config.SslCaCerts.Should().ContainSingle().Which.Thumbprint.Should().Be(authority.Thumbprint);
    }

    [Test]
    public void A_named_context_wins_over_the_current_one()
    {
        var config = KubeconfigLoader.Load(Write(TwoContexts), "alice");

        config.Host.Should().Be("https://127.0.0.2:7443");
        config.AccessToken.Should().Be("alice-token");
        config.SkipTlsVerify.Should().BeTrue();
    }

    [Test]
    public void The_result_matches_what_the_library_reads_from_the_same_file()
    {
        var path = Write(TwoContexts);

        var ours = KubeconfigLoader.Load(path, "alice");
        var theirs = KubernetesClientConfiguration.BuildConfigFromConfigFile(path, "alice");

        ours.Should().BeEquivalentTo(theirs, o => o.Excluding(c => c.SslCaCerts).Excluding(c => c.ClientCertificateKeyStoreFlags));
    }

    [Test]
    public void An_unknown_context_is_refused()
    {
        var act = () => KubeconfigLoader.Load(Write(TwoContexts), "nobody");

        act.Should().Throw<KubeConfigException>().WithMessage("*nobody*");
    }

    [Test]
    public void A_missing_file_is_refused_with_its_path()
    {
        var missing = Path.Combine(_dir, "absent");

        var act = () => KubeconfigLoader.Load(missing);

        act.Should().Throw<FileNotFoundException>().WithMessage($"*{missing}*");
    }

    [Test]
    public void A_file_that_is_not_yaml_is_refused_as_a_kubeconfig_error()
    {
        var act = () => KubeconfigLoader.Load(Write("clusters: [unclosed"));

        act.Should().Throw<KubeConfigException>().WithMessage("*not valid YAML*");
    }

    [Test]
    public void An_empty_file_is_refused()
    {
        var act = () => KubeconfigLoader.Load(Write(""));

        act.Should().Throw<KubeConfigException>().WithMessage("*empty*");
    }

    private X509Certificate2 WriteCertificateAuthority()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=test-ca", key, HashAlgorithmName.SHA256);
        var authority = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(_dir, "ca.crt"), authority.ExportCertificatePem());
        return authority;
    }

    private string Write(string yaml)
    {
        var path = Path.Combine(_dir, "config");
        File.WriteAllText(path, yaml);
        return path;
    }
}
