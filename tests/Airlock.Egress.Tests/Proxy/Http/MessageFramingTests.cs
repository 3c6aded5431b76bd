using System.Text;
using Airlock.Egress.Proxy;
using Airlock.Egress.Proxy.Http;

namespace Airlock.Egress.Tests.Proxy.Http;

public class MessageFramingTests
{
    private static RequestHead Request(string headers, string version = "HTTP/1.1") =>
        RequestHeadParser.Parse(Encoding.Latin1.GetBytes($"POST http://a.test/ {version}\r\n{headers}\r\n"), new ProxyLimits()).Head!;

    private static ResponseHead Response(string head) => ResponseHeadParser.Parse(Encoding.Latin1.GetBytes(head), 64)!;

    [Test]
    public void A_request_without_length_fields_has_no_body() => MessageFraming.ForRequest(Request("")).Should().Be(BodyFraming.None);

    [Test]
    public void A_request_with_one_content_length_has_that_many_bytes() =>
        MessageFraming.ForRequest(Request("Content-Length: 42\r\n")).Should().Be(new BodyFraming(BodyFramingKind.Length, 42));

    [Test]
    public void A_chunked_request_is_chunked() => MessageFraming.ForRequest(Request("Transfer-Encoding: Chunked\r\n")).Should().Be(BodyFraming.Chunked);

    [TestCase("Content-Length: 3\r\nTransfer-Encoding: chunked\r\n", TestName = "Content_length_beside_transfer_encoding_is_refused")]
    [TestCase("Content-Length: 3\r\nContent-Length: 3\r\n", TestName = "Two_content_lengths_are_refused")]
    [TestCase("Content-Length: 3, 3\r\n", TestName = "A_content_length_list_is_refused")]
    [TestCase("Content-Length: +3\r\n", TestName = "A_signed_content_length_is_refused")]
    [TestCase("Content-Length: 0x3\r\n", TestName = "A_hex_content_length_is_refused")]
    [TestCase("Content-Length: 1234567890123456789\r\n", TestName = "A_content_length_past_18_digits_is_refused")]
    [TestCase("Transfer-Encoding: gzip, chunked\r\n", TestName = "A_coding_other_than_chunked_alone_is_refused")]
    [TestCase("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n", TestName = "Two_transfer_encoding_fields_are_refused")]
    [TestCase("Transfer-Encoding: xchunked\r\n", TestName = "An_unknown_transfer_coding_is_refused")]
    public void Ambiguous_request_framing_is_refused(string headers) => MessageFraming.ForRequest(Request(headers)).Should().BeNull();

    [Test]
    public void Chunked_on_http_1_0_is_refused() => MessageFraming.ForRequest(Request("Transfer-Encoding: chunked\r\n", "HTTP/1.0")).Should().BeNull();

    [TestCase("HEAD", "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n")]
    [TestCase("GET", "HTTP/1.1 204 No Content\r\nContent-Length: 10\r\n\r\n")]
    [TestCase("GET", "HTTP/1.1 304 Not Modified\r\nTransfer-Encoding: chunked\r\n\r\n")]
    [TestCase("GET", "HTTP/1.1 100 Continue\r\n\r\n")]
    public void Responses_that_never_have_a_body_have_none(string method, string head) =>
        MessageFraming.ForResponse(method, Response(head)).Should().Be(BodyFraming.None);

    [Test]
    public void Transfer_encoding_wins_over_content_length_in_a_response() =>
        MessageFraming.ForResponse("GET", Response("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: gzip, chunked\r\n\r\n")).Should().Be(BodyFraming.Chunked);

    [Test]
    public void A_response_coded_but_not_chunked_ends_when_the_server_closes() =>
        MessageFraming.ForResponse("GET", Response("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n")).Should().Be(BodyFraming.UntilClose);

    [Test]
    public void A_response_without_length_ends_when_the_server_closes() =>
        MessageFraming.ForResponse("GET", Response("HTTP/1.0 200 OK\r\n\r\n")).Should().Be(BodyFraming.UntilClose);

    [Test]
    public void Repeated_equal_content_lengths_in_a_response_are_one_length() =>
        MessageFraming.ForResponse("GET", Response("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\n")).Should().Be(new BodyFraming(BodyFramingKind.Length, 5));

    [Test]
    public void Contradicting_content_lengths_in_a_response_are_refused() =>
        MessageFraming.ForResponse("GET", Response("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n")).Should().BeNull();
}
