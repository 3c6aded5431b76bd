using System.Text;
using Airlock.Api.Tasks;
using Airlock.Egress.Matching;
using Airlock.Egress.Proxy;
using BenchmarkDotNet.Attributes;

namespace Airlock.Bench.Micro.Egress;

/// <summary>The egress proxy's per-connection work before any byte leaves: the head parsed, the host matched against the task's list.</summary>
[MemoryDiagnoser]
public class HostMatcherBenchmarks
{
    private readonly EgressAllowlist _allowlist = EgressAllowlist.From(
    [
        new EgressRule { Host = "api.github.com", Ports = [443] },
        new EgressRule { Host = "*.githubusercontent.com", Ports = [443] },
        new EgressRule { Host = "pypi.org", Ports = [443] },
        new EgressRule { Host = "*.pythonhosted.org", Ports = [443] },
        new EgressRule { Cidr = "10.40.0.0/16", Ports = [5432] },
    ]);

    private readonly byte[] _connectHead = Encoding.ASCII.GetBytes("CONNECT api.github.com:443 HTTP/1.1\r\nHost: api.github.com:443\r\nUser-Agent: curl/8.5.0\r\n\r\n");
    private readonly ProxyLimits _limits = new();

    [Benchmark]
    public bool ExactHostAllowed() => _allowlist.Matches("api.github.com", 443);

    [Benchmark]
    public bool WildcardHostAllowed() => _allowlist.Matches("objects.githubusercontent.com", 443);

    [Benchmark]
    public bool UnlistedHostRefused() => _allowlist.Matches("evil.example.com", 443);

    [Benchmark]
    public HeadParseResult ParseConnectHead() => RequestHeadParser.Parse(_connectHead, _limits);
}
