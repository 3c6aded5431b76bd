using System.Text;
using Airlock.Egress.Proxy;

namespace Airlock.Egress.Tests.Proxy;

public class RequestHeadParserTests
{
    private static HeadParseResult Parse(string text) => RequestHeadParser.Parse(Encoding.Latin1.GetBytes(text), new ProxyLimits());

    [Test]
    public void A_connect_head_parses_with_its_headers()
    {
        var head = Parse("CONNECT api.example.test:443 HTTP/1.1\r\nHost: api.example.test:443\r\nUser-Agent: t\r\n\r\n").Head!;

        head.IsConnect.Should().BeTrue();
        head.Target.Should().Be("api.example.test:443");
        head.Header("user-agent").Should().Be("t");
    }

    [TestCase("GET / HTTP/1.1\nHost: a\n\n")]
    [TestCase("GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n")]
    [TestCase("GET / HTTP/2.0\r\n\r\n")]
    [TestCase("get / HTTP/1.1\r\n\r\n")]
    [TestCase("GET  / HTTP/1.1\r\n\r\n")]
    [TestCase("GET / HTTP/1.1\r\nBad Name: x\r\n\r\n")]
    [TestCase("GET / HTTP/1.1\r\nX: a\rb\r\n\r\n")]
    [TestCase("\u0016\u0003\u0001\u0002\u0000\u0001\r\n\r\n")]
    public void Malformed_heads_are_400(string text) => Parse(text).Status.Should().Be(400);

    [Test]
    public void Too_many_headers_are_431()
    {
        var text = "GET http://a.test/ HTTP/1.1\r\n" + string.Concat(Enumerable.Range(0, 65).Select(i => $"X-{i}: v\r\n")) + "\r\n";

        Parse(text).Status.Should().Be(431);
    }

    [TestCase("api.example.test:443", "api.example.test", 443)]
    [TestCase("[2001:db8::1]:8443", "[2001:db8::1]", 8443)]
    public void Connect_authorities_split_into_host_and_port(string authority, string host, int port) =>
        TargetParser.ParseAuthority(authority, null).Should().Be((host, port));

    [TestCase("api.example.test")]
    [TestCase("user@api.example.test:443")]
    [TestCase("api.example.test:0")]
    [TestCase("api.example.test:65536")]
    [TestCase("api.example.test:+443")]
    [TestCase("a:b:443")]
    public void Doubtful_connect_authorities_are_refused(string authority) => TargetParser.ParseAuthority(authority, null).Should().BeNull();

    [Test]
    public void An_absolute_http_url_gives_host_port_and_path()
    {
        var target = TargetParser.Parse(new RequestHead("GET", "http://API.example.test:8080/a?b=1", "HTTP/1.1", []))!;

        target.Should().Be(new ProxyTarget("API.example.test", 8080, "/a?b=1"));
    }

    [TestCase("https://api.example.test/")]
    [TestCase("/only/a/path")]
    [TestCase("http://user:pw@api.example.test/")]
    [TestCase("http://api.example.test/#frag")]
    public void Other_request_targets_are_refused(string target) =>
        TargetParser.Parse(new RequestHead("GET", target, "HTTP/1.1", [])).Should().BeNull();

    [Test]
    public void The_upstream_head_carries_the_checked_host_and_no_proxy_headers()
    {
        var head = Parse("GET http://api.example.test/x HTTP/1.1\r\nHost: evil.test\r\nProxy-Authorization: Basic x\r\nConnection: keep-alive, X-Drop\r\nX-Drop: 1\r\nAccept: */*\r\n\r\n").Head!;

        var upstream = Encoding.Latin1.GetString(UpstreamRequest.Build(head, TargetParser.Parse(head)!)!);

        upstream.Should().Be("GET /x HTTP/1.1\r\nHost: api.example.test\r\nAccept: */*\r\nConnection: close\r\n\r\n");
    }

    [Test]
    public void Content_length_with_transfer_encoding_is_refused()
    {
        var head = Parse("POST http://a.test/ HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n").Head!;

        UpstreamRequest.Build(head, TargetParser.Parse(head)!).Should().BeNull();
    }

    [Test]
    public void A_connection_field_cannot_make_the_proxy_drop_the_framing_fields()
    {
        var head = Parse("POST http://a.test/ HTTP/1.1\r\nConnection: Content-Length, Transfer-Encoding, Host\r\nContent-Length: 3\r\n\r\n").Head!;

        var upstream = Encoding.Latin1.GetString(UpstreamRequest.Build(head, TargetParser.Parse(head)!, close: false)!);

        upstream.Should().Be("POST / HTTP/1.1\r\nHost: a.test\r\nContent-Length: 3\r\n\r\n");
    }

    [Test]
    public void A_kept_alive_request_goes_upstream_without_connection_close()
    {
        var head = Parse("GET http://a.test/x HTTP/1.1\r\nProxy-Connection: keep-alive\r\n\r\n").Head!;

        Encoding.Latin1.GetString(UpstreamRequest.Build(head, TargetParser.Parse(head)!, close: false)!).Should().Be("GET /x HTTP/1.1\r\nHost: a.test\r\n\r\n");
    }
}
