using System.Net;
using Airlock.Operator.Webhooks;
using Airlock.Operator.Webhooks.Certificates;
using Microsoft.Extensions.Logging;

namespace Airlock.Operator.Hosting;

/// <summary>The admission webhooks of the operator: certificates, the HTTPS server, registration and certificate rotation.</summary>
public sealed partial class OperatorHost
{
    private WebhookServer? _webhooks;
    private Task? _rotation;

    /// <summary>The webhook server's address once started (null when webhooks are off).</summary>
    public IPEndPoint? WebhookEndPoint => _webhooks?.EndPoint;

    /// <summary>The certificates the webhook server presents (null when webhooks are off).</summary>
    public IServingCertificateSource? WebhookCertificates { get; private set; }

    private async Task StartWebhooksAsync(CancellationToken cancellationToken)
    {
        if (_settings.WebhookAddress is not { } address) return;
        var endpoint = HostPort.Parse(address);
        var service = $"airlock-webhook.{_settings.SystemNamespace}.svc";
        SelfSignedCertificateSource? selfSigned = null;
        if (_settings.WebhookCertDir is { } dir)
        {
            WebhookCertificates = new DirectoryCertificateSource(dir);
        }
        else
        {
            IPAddress[] addresses = IPAddress.IsLoopback(endpoint.Address) ? [endpoint.Address] : [];
            selfSigned = new SelfSignedCertificateSource(_client, _settings.SystemNamespace, [service, service + ".cluster.local", "localhost"], addresses, _settings.Time);
            await selfSigned.RotateAsync(cancellationToken).ConfigureAwait(false);
            WebhookCertificates = selfSigned;
        }
        var handlers = new AgentTaskWebhooks(Policies, ApprovalSeal, new KubernetesSubjectAccessReviewer(_client), _settings.Time, ready: () => IsReady);
        _webhooks = await WebhookServer.StartAsync(endpoint, WebhookCertificates, handlers, _loggerFactory, cancellationToken).ConfigureAwait(false);
        await RegisterWebhooksAsync(cancellationToken).ConfigureAwait(false);
        if (selfSigned is not null)
        {
            var stop = _stop!.Token;
            _rotation = Task.Run(() => RotateLoopAsync(selfSigned, stop), CancellationToken.None);
        }
    }

    private async Task RegisterWebhooksAsync(CancellationToken cancellationToken)
    {
        var bundle = WebhookCertificates?.CaBundlePem;
        if (bundle is null || _webhooks is null) return;
        switch (_settings.WebhookRegistration)
        {
            case WebhookRegistration.Url:
                var host = _webhooks.EndPoint.Address.Equals(IPAddress.Any) ? "127.0.0.1" : _webhooks.EndPoint.Address.ToString();
                await WebhookRegistrar.RegisterUrlAsync(_client, new Uri($"https://{host}:{_webhooks.EndPoint.Port}/"), bundle, cancellationToken).ConfigureAwait(false);
                break;
            case WebhookRegistration.PatchCaBundle when _settings.WebhookCertDir is null:
                if (!await WebhookRegistrar.PatchCaBundleAsync(_client, bundle, cancellationToken).ConfigureAwait(false))
                    WebhookLog.ConfigurationMissing(_logger, WebhookPaths.ConfigurationName);
                break;
        }
    }

    private async Task RotateLoopAsync(SelfSignedCertificateSource certificates, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_settings.WebhookCertificateCheckInterval, _settings.Time, cancellationToken).ConfigureAwait(false);
                if (await certificates.RotateAsync(cancellationToken).ConfigureAwait(false)) await RegisterWebhooksAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e)
            {
                WebhookLog.RotationFailed(_logger, e.Message);
            }
        }
    }

    private async Task StopWebhooksAsync()
    {
        if (_rotation is not null) await _rotation.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _rotation = null;
        if (_webhooks is not null) await _webhooks.DisposeAsync().ConfigureAwait(false);
        _webhooks = null;
    }
}
