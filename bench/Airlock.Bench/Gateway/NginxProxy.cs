using System.Globalization;
using System.Net.Sockets;
using Airlock.Bench.Hosting;

namespace Airlock.Bench.Gateway;

/// <summary>
/// Debian's nginx as a plain reverse proxy in front of the stand-in provider (kept-alive upstream connections, no access
/// log, one worker per core): the yardstick for the gateway's requests per second.
/// </summary>
public sealed class NginxProxy : IAsyncDisposable
{
    private readonly LoggedProcess _process;

    private NginxProxy(LoggedProcess process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The master process (the workers are its children).</summary>
    public int Pid => _process.Pid;

    /// <summary>The nginx binary, or null when it is not installed (<c>apt-get install -y nginx</c>).</summary>
    public static string? Binary() => new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists);

    public static async Task<NginxProxy> StartAsync(string binary, Uri upstream, string dir, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.Combine(dir, "tmp"));
        var port = FreePort.Next();
        var conf = Path.Combine(dir, "nginx.conf");
        await File.WriteAllTextAsync(conf, string.Create(CultureInfo.InvariantCulture, $$"""
            worker_processes {{Environment.ProcessorCount}};
            error_log {{dir}}/error.log warn;
            pid {{dir}}/nginx.pid;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path {{dir}}/tmp/body;
                proxy_temp_path {{dir}}/tmp/proxy;
                fastcgi_temp_path {{dir}}/tmp/fastcgi;
                uwsgi_temp_path {{dir}}/tmp/uwsgi;
                scgi_temp_path {{dir}}/tmp/scgi;
                upstream provider { server {{upstream.Host}}:{{upstream.Port}}; keepalive 64; }
                server {
                    listen 127.0.0.1:{{port}};
                    location / {
                        proxy_pass http://provider;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                    }
                }
            }

            """), cancellationToken).ConfigureAwait(false);
        var process = LoggedProcess.Start(binary, ["-p", dir, "-c", conf, "-g", "daemon off;"], Path.Combine(dir, "nginx.log"));
        await Poll.UntilAsync(async () =>
        {
            if (process.HasExited) throw new InvalidOperationException($"nginx exited: {process.ReadLog()}");
            try
            {
                using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync("127.0.0.1", port, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(20), "nginx to listen", TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        return new NginxProxy(process, new Uri($"http://127.0.0.1:{port}/"));
    }

    public async ValueTask DisposeAsync() => await _process.DisposeAsync().ConfigureAwait(false);
}
