using System.Security.Cryptography.X509Certificates;

namespace Airlock.Operator.Webhooks.Certificates;

/// <summary>The webhook server's current certificate (read on every TLS handshake, so rotation needs no restart) and its CA bundle.</summary>
public interface IServingCertificateSource
{
    X509Certificate2 Current { get; }

    /// <summary>PEM of the CA certificates clients should trust (the webhook configurations' caBundle); null when unknown.</summary>
    string? CaBundlePem { get; }
}
