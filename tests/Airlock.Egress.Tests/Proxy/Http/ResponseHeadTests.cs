using System.Text;
using Airlock.Egress.Proxy.Http;

namespace Airlock.Egress.Tests.Proxy.Http;

public class ResponseHeadTests
{
    private static ResponseHead? Parse(string text) => ResponseHeadParser.Parse(Encoding.Latin1.GetBytes(text), 64);

    [Test]
    public void A_status_line_and_fields_parse()
    {
        var head = Parse("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")!;

        (head.Version, head.Status, head.Reason, head.Header("content-length")).Should().Be(("HTTP/1.1", 404, "Not Found", "0"));
    }

    [Test]
    public void An_empty_reason_phrase_is_allowed() => Parse("HTTP/1.1 204\r\n\r\n")!.Status.Should().Be(204);

    [TestCase("HTTP/1.1 200 OK\nContent-Length: 0\n\n", TestName = "Bare_line_feeds_are_refused")]
    [TestCase("HTTP/1.1 200 OK\r\nX: a\r\n folded\r\n\r\n", TestName = "Folded_fields_are_refused")]
    [TestCase("HTTP/2 200 OK\r\n\r\n", TestName = "Other_versions_are_refused")]
    [TestCase("HTTP/1.1 20 OK\r\n\r\n", TestName = "Short_status_codes_are_refused")]
    [TestCase("HTTP/1.1 099 Odd\r\n\r\n", TestName = "Status_codes_below_100_are_refused")]
    [TestCase("HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n", TestName = "Field_names_with_spaces_are_refused")]
    public void Malformed_response_heads_are_refused(string text) => Parse(text).Should().BeNull();

    [Test]
    public void The_forwarded_head_drops_hop_by_hop_fields_and_says_close_when_closing()
    {
        var head = Parse("HTTP/1.0 200 OK\r\nConnection: keep-alive, X-Hop\r\nKeep-Alive: timeout=5\r\nX-Hop: 1\r\nContent-Length: 2\r\nX-End: 2\r\n\r\n")!;

        Encoding.Latin1.GetString(ResponseHeadWriter.Build(head, close: true)).Should().Be("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-End: 2\r\nConnection: close\r\n\r\n");
    }

    [Test]
    public void The_forwarded_head_of_a_chunked_response_has_no_content_length()
    {
        var head = Parse("HTTP/1.1 200 OK\r\nContent-Length: 9\r\nTransfer-Encoding: chunked\r\n\r\n")!;

        Encoding.Latin1.GetString(ResponseHeadWriter.Build(head, close: false)).Should().Be("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
    }

    [TestCase("1a", 26)]
    [TestCase("0", 0)]
    [TestCase("A;name=value", 10)]
    public void Chunk_sizes_are_hex_with_optional_extensions(string line, long size) =>
        BodyCopier.ParseChunkSize(Encoding.ASCII.GetBytes(line)).Should().Be(size);

    [TestCase("")]
    [TestCase(" 1a")]
    [TestCase("-1")]
    [TestCase("0x1a")]
    [TestCase("1a ")]
    [TestCase("1000000000000000")]
    public void Doubtful_chunk_sizes_are_refused(string line) => BodyCopier.ParseChunkSize(Encoding.ASCII.GetBytes(line)).Should().BeNull();
}
