using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Admission;

/// <summary>
/// POSTs an AdmissionReview to a webhook's <c>clientConfig.url</c> over HTTPS, trusting only the webhook's caBundle
/// (chain and hostname are both checked), within its timeout. Every failure is a <see cref="WebhookCallException"/>
/// worded like the API server's.
/// </summary>
public sealed class WebhookClient
{
    private const int MaxResponseBytes = 3 * 1024 * 1024;

    public async Task<JsonNode?> PostAsync(WebhookDefinition webhook, JsonObject review, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        if (webhook.Url is null)
        {
            // The local control plane has no Services or endpoints to route to.
            throw new WebhookCallException($"failed to call webhook: service \"{webhook.Service}\" cannot be resolved by the local control plane (use clientConfig.url)");
        }
        if (!Uri.TryCreate(webhook.Url, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
        {
            throw new WebhookCallException($"failed to call webhook: clientConfig.url \"{webhook.Url}\" is not an https URL");
        }
        var roots = webhook.CaBundle is { } bundle ? ParseBundle(bundle) : null;
        var target = WithTimeout(url, webhook.TimeoutSeconds);
        string? tlsProblem = null;
        using var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            ConnectTimeout = TimeSpan.FromSeconds(webhook.TimeoutSeconds),
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, presented, errors) =>
                    Trusted(certificate, presented, errors, roots, url.Host, out tlsProblem),
            },
        };
        using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(webhook.TimeoutSeconds));
        try
        {
            using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(review));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = content };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new WebhookCallException($"failed to call webhook: the server responded with the status code {(int)response.StatusCode} but did not return more information");
            }
            var body = await response.Content.ReadAsByteArrayAsync(deadline.Token).ConfigureAwait(false);
            if (body.Length > MaxResponseBytes) throw new WebhookCallException("received invalid webhook response: the response is too large");
            return JsonNode.Parse(body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new WebhookCallException($"failed to call webhook: Post \"{target}\": context deadline exceeded");
        }
        catch (HttpRequestException e)
        {
            throw new WebhookCallException($"failed to call webhook: Post \"{target}\": {tlsProblem ?? Innermost(e)}", e);
        }
        catch (JsonException e)
        {
            throw new WebhookCallException("received invalid webhook response: " + e.Message, e);
        }
    }

    /// <summary>The API server adds the webhook's timeout to the URL so the webhook can honour it too.</summary>
    private static Uri WithTimeout(Uri url, int seconds)
    {
        var builder = new UriBuilder(url);
        var query = builder.Query.TrimStart('?');
        builder.Query = (query.Length > 0 ? query + "&" : "") + $"timeout={seconds}s";
        return builder.Uri;
    }

    private static X509Certificate2Collection ParseBundle(string base64)
    {
        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPem(Encoding.UTF8.GetString(Convert.FromBase64String(base64)));
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
        {
            throw new WebhookCallException("failed to call webhook: clientConfig.caBundle is not valid base64-encoded PEM", e);
        }
        if (roots.Count == 0) throw new WebhookCallException("failed to call webhook: clientConfig.caBundle holds no certificate");
        return roots;
    }

    private static bool Trusted(System.Security.Cryptography.X509Certificates.X509Certificate? certificate, X509Chain? presented,
        SslPolicyErrors errors, X509Certificate2Collection? roots, string host, out string? problem)
    {
        problem = null;
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            problem = "tls: the server presented no certificate";
            return false;
        }
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            problem = $"tls: failed to verify certificate: x509: certificate is not valid for {host}";
            return false;
        }
        if (roots is null)
        {
            if (errors == SslPolicyErrors.None) return true;
            problem = "tls: failed to verify certificate: x509: certificate signed by unknown authority";
            return false;
        }
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements) chain.ChainPolicy.ExtraStore.Add(element.Certificate);
        }
        if (chain.Build(leaf)) return true;
        problem = "tls: failed to verify certificate: x509: certificate signed by unknown authority";
        return false;
    }

    private static string Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e.Message;
    }
}
