using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;

namespace Airlock.Testing;

/// <summary>Raw HTTPS access to the local control plane's API (for wire-level tests: status codes, headers, bodies).</summary>
public static class ApiHttp
{
    /// <summary>An HttpClient that trusts only the control plane's CA, authenticated as <paramref name="user"/> (null: no credentials).</summary>
    public static HttpClient Create(TestCluster cluster, string? user = "admin")
    {
        var local = cluster.RequireLocal();
        var ca = X509CertificateLoader.LoadCertificate(local.CertificateAuthority.Certificate.RawData);
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            {
                if (certificate is null) return false;
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(ca);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(certificate);
            },
        };
        var client = new HttpClient(handler) { BaseAddress = new Uri(local.ServerUrl) };
        if (user is not null)
        {
            var token = local.Users.First(u => u.Name == user).Token;
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }
}
