using System.Security.Cryptography.X509Certificates;

namespace Airlock.Operator.Webhooks.Certificates;

/// <summary>
/// Serves <c>tls.crt</c>/<c>tls.key</c> from a directory (a cert-manager or Helm Secret mounted with
/// <c>--webhook-cert-dir</c>) and reloads them when the files change, so a renewed certificate is used without a restart.
/// </summary>
public sealed class DirectoryCertificateSource : IServingCertificateSource
{
    private readonly string _certFile;
    private readonly string _keyFile;
    private readonly string _caFile;
    private readonly Lock _lock = new();
    private X509Certificate2 _current;
    private DateTime _loadedStamp;

    public DirectoryCertificateSource(string directory)
    {
        _certFile = Path.Combine(directory, "tls.crt");
        _keyFile = Path.Combine(directory, "tls.key");
        _caFile = Path.Combine(directory, "ca.crt");
        _loadedStamp = Stamp();
        _current = Load();
    }

    public X509Certificate2 Current
    {
        get
        {
            lock (_lock)
            {
                var stamp = Stamp();
                if (stamp != _loadedStamp)
                {
                    try
                    {
                        _current = Load();
                        _loadedStamp = stamp;
                    }
                    catch (Exception e) when (e is IOException or System.Security.Cryptography.CryptographicException)
                    {
                        // Half-written during an update: keep serving the previous certificate and try again next time.
                    }
                }
                return _current;
            }
        }
    }

    public string? CaBundlePem => File.Exists(_caFile) ? File.ReadAllText(_caFile) : null;

    private X509Certificate2 Load() => CertificateIssuer.FromPem(File.ReadAllText(_certFile), File.ReadAllText(_keyFile));

    private DateTime Stamp() => new[] { _certFile, _keyFile }.Select(f => File.Exists(f) ? File.GetLastWriteTimeUtc(f) : DateTime.MinValue).Max();
}
