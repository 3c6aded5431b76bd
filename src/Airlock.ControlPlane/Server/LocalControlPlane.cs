using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Airlock.ControlPlane.Admission;
using Airlock.ControlPlane.Auth;
using Airlock.ControlPlane.Kubelet;
using Airlock.ControlPlane.Patching;
using Airlock.ControlPlane.Resources;
using Airlock.ControlPlane.Schema;
using Airlock.ControlPlane.Server.Crds;
using Airlock.ControlPlane.Server.Diagnostics;
using Airlock.ControlPlane.Server.Tables;
using Airlock.ControlPlane.Storage;
using Airlock.ControlPlane.Storage.Controllers;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Airlock.ControlPlane.Server;

/// <summary>
/// An in-memory Kubernetes API server over HTTPS on 127.0.0.1, with a simulated kubelet and room for more in-process parts
/// (<see cref="LocalControlPlaneOptions.Components"/>). The composition root of the local control plane.
/// </summary>
public sealed class LocalControlPlane : IAsyncDisposable
{
    /// <summary>The identity the simulated kubelet uses (not written to the kubeconfig).</summary>
    public const string NodeUserName = "system:node:airlock-dev-node";

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping;
    private readonly List<Task> _background = [];
    private readonly X509Certificate2 _serving;
    private readonly IReadOnlyList<StaticUser> _allUsers;
    private int _disposed;

    private LocalControlPlane(WebApplication app, CancellationTokenSource stopping, DevCertificateAuthority ca, X509Certificate2 serving,
        ApiServices services, IReadOnlyList<StaticUser> users, IReadOnlyList<StaticUser> allUsers, ServiceAccountTokenIssuer issuer)
    {
        _app = app;
        _stopping = stopping;
        _serving = serving;
        CertificateAuthority = ca;
        Services = services;
        Users = users;
        _allUsers = allUsers;
        TokenIssuer = issuer;
    }

    /// <summary><c>https://127.0.0.1:PORT</c>.</summary>
    public string ServerUrl { get; private set; } = "";

    public int Port { get; private set; }

    public DevCertificateAuthority CertificateAuthority { get; }

    public string CertificateAuthorityPem => CertificateAuthority.CertificatePem;

    /// <summary>The kubeconfig users: admin (system:masters), alice and bob (airlock:users). Tokens are new on every start.</summary>
    public IReadOnlyList<StaticUser> Users { get; }

    public StaticUser Admin => Users[0];

    public StaticUser Alice => Users[1];

    public StaticUser Bob => Users[2];

    public ApiServices Services { get; }

    public ObjectStore Store => Services.Store;

    public ResourceRegistry Resources => Services.Registry;

    public RequestCounters Counters => Services.Counters;

    public TestKnobs Knobs => Services.Knobs;

    public ServiceAccountTokenIssuer TokenIssuer { get; }

    /// <summary>Cancelled when the control plane stops (components watch it).</summary>
    public CancellationToken Stopping => _stopping.Token;

    public static async Task<LocalControlPlane> StartAsync(LocalControlPlaneOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LocalControlPlaneOptions();
        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var ca = DevCertificateAuthority.Create();
        var serving = ServingCertificate.Issue(ca);
        StaticUser[] users =
        [
            new("admin", NewToken(), ["system:masters"]),
            new("alice", NewToken(), ["airlock:users"]),
            new("bob", NewToken(), ["airlock:users"]),
        ];
        StaticUser[] allUsers = [.. users, new(NodeUserName, NewToken(), ["system:nodes", "system:masters"])];
        var store = new ObjectStore(new StoreOptions { WatchHistorySize = options.WatchHistorySize, Time = options.Time });
        var registry = new ResourceRegistry();
        SeedBootstrapPolicy(store, registry);
        var issuer = ServiceAccountTokenIssuer.CreateEphemeral();
        var authorizer = new RbacAuthorizer(store);
        var services = new ApiServices
        {
            Store = store,
            Registry = registry,
            Schema = options.Schema ?? new SchemaService(),
            Patcher = options.Patcher ?? new PatchApplier(),
            Admission = new WebhookAdmission(store),
            Authenticator = new Authenticator(allUsers, issuer, store),
            Authorizer = authorizer,
            TokenRequests = new TokenRequestHandler(issuer, store),
            TokenReviewer = new TokenReviewer(issuer, allUsers, store),
            AccessReviews = new AccessReviewHandler(authorizer),
            Crds = new CrdRegistrar(store, registry, options.Time),
            Tables = new TableBuilder(options.Time),
            Counters = new RequestCounters(),
            Knobs = new TestKnobs(),
            Time = options.Time,
        };
        var server = new ApiServer(services, loggerFactory.CreateLogger<ApiServer>());
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null; // RequestBody enforces the API server's 3 MiB with a Status body.
            kestrel.Listen(IPAddress.Loopback, options.Port, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(serving);
            });
        });
        var app = builder.Build();
        app.Run(server.HandleAsync);
        var stopping = new CancellationTokenSource();
        var plane = new LocalControlPlane(app, stopping, ca, serving, services, users, allUsers, issuer);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        plane.Port = new Uri(address).Port;
        plane.ServerUrl = $"https://127.0.0.1:{plane.Port}";
        services.ServerAddress = $"127.0.0.1:{plane.Port}";
        IStoreController[] controllers = [new GarbageCollector(store), new NamespaceController(store), new CrdCleanupController(store, registry)];
        var loop = new ControllerLoop(store, controllers, loggerFactory.CreateLogger<ControllerLoop>());
        plane._background.Add(Task.Run(() => loop.RunAsync(stopping.Token), CancellationToken.None));
        if (options.EnableKubelet)
        {
            var kubelet = new SimulatedKubelet(plane.CreateClient(NodeUserName), new KubeletOptions());
            plane._background.Add(Task.Run(() => kubelet.RunAsync(stopping.Token), CancellationToken.None));
        }
        foreach (var component in options.Components)
        {
            plane._background.Add(Task.Run(() => component.RunAsync(plane, stopping.Token), CancellationToken.None));
        }
        return plane;
    }

    /// <summary>The kubeconfig text (cluster airlock-dev, users and contexts admin (current), alice, bob).</summary>
    public string KubeconfigYaml(string currentContext = "admin") => Kubeconfig.Render(ServerUrl, CertificateAuthorityPem, Users, currentContext);

    public void WriteKubeconfig(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        File.WriteAllText(path, KubeconfigYaml());
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    /// <summary>A KubernetesClient for one of the static users (admin, alice, bob).</summary>
    public Kubernetes CreateClient(string user = "admin")
    {
        var found = _allUsers.FirstOrDefault(u => u.Name == user) ?? throw new ArgumentException($"no static user \"{user}\"", nameof(user));
        return CreateClientWithToken(found.Token);
    }

    /// <summary>A KubernetesClient authenticating with any bearer token (service-account tokens in tests).</summary>
    public Kubernetes CreateClientWithToken(string token) => new(new KubernetesClientConfiguration
    {
        Host = ServerUrl,
        AccessToken = token,
        SslCaCerts = [X509CertificateLoader.LoadCertificate(CertificateAuthority.Certificate.RawData)],
    });

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _stopping.CancelAsync();
        try
        {
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _app.StopAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            // Forced stop after the grace period.
        }
        try
        {
            await Task.WhenAll(_background).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception)
        {
            // Background parts end with cancellation; their failures do not block shutdown.
        }
        await _app.DisposeAsync();
        _serving.Dispose();
        CertificateAuthority.Dispose();
        _stopping.Dispose();
    }

    private static void SeedBootstrapPolicy(ObjectStore store, ResourceRegistry registry)
    {
        foreach (var obj in BootstrapPolicy.Objects())
        {
            var apiVersion = ObjectMeta.Str(obj, "apiVersion") ?? "";
            var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
            var (group, version) = slash < 0 ? ("", apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
            var type = registry.FindByKind(group, version, ObjectMeta.Str(obj, "kind") ?? "")
                ?? throw new InvalidOperationException($"bootstrap object of unserved kind {apiVersion}/{ObjectMeta.Str(obj, "kind")}");
            store.Create(type, obj);
        }
    }

    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
