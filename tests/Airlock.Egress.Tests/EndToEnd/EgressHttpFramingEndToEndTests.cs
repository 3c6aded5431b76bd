using Airlock.Egress.Tests.Support;

namespace Airlock.Egress.Tests.EndToEnd;

/// <summary>Bodies and fields on a keep-alive connection: framed exactly both ways, hop-by-hop fields never passed on.</summary>
[NonParallelizable]
public class EgressHttpFramingEndToEndTests : KeepAliveTestBase
{
    [Test]
    public async Task A_refused_request_with_a_body_closes_the_connection()
    {
        var (_, client) = await ConnectAsync();
        using var _ = client;

        await client.SendAsync("POST http://elsewhere.test/ HTTP/1.1\r\nHost: elsewhere.test\r\nContent-Length: 3\r\n\r\nabc");
        var refused = await client.ReadResponseAsync();

        refused.Status.Should().Be(403);
        refused.Closes.Should().BeTrue();
        (await client.ClosedAsync()).Should().BeTrue();
    }

    [Test]
    public async Task A_chunked_request_body_reaches_the_server_whole_and_the_next_request_follows()
    {
        var (_, client) = await ConnectAsync();
        using var _ = client;

        await client.SendAsync($"POST http://allowed.test:{A.Port}/upload HTTP/1.1\r\nHost: allowed.test\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nX-Sum: 1\r\n\r\n" + Get("allowed.test", A.Port, "/next"));
        var upload = await client.ReadResponseAsync();
        var next = await client.ReadResponseAsync();

        upload.Body.Should().Contain("body=hello world ");
        next.Body.Should().Contain("target=/next body= ");
    }

    [Test]
    public async Task A_content_length_body_is_forwarded_exactly()
    {
        var (_, client) = await ConnectAsync();
        using var _ = client;

        await client.SendAsync($"PUT http://allowed.test:{A.Port}/put HTTP/1.1\r\nHost: allowed.test\r\nContent-Length: 7\r\n\r\npayload" + Get("allowed.test", A.Port, "/after"));
        var put = await client.ReadResponseAsync();
        var after = await client.ReadResponseAsync();

        put.Body.Should().Contain("body=payload ");
        after.Body.Should().Contain("target=/after");
    }

    [Test]
    public async Task A_chunked_response_is_passed_through_and_the_connection_stays_usable()
    {
        var (_, client) = await ConnectAsync();
        using var _ = client;

        await client.SendAsync(Get("allowed.test", A.Port, "/chunked"));
        var chunked = await client.ReadResponseAsync();
        await client.SendAsync(Get("allowed.test", A.Port, "/after"));
        var after = await client.ReadResponseAsync();

        chunked.Head.Should().Contain("Transfer-Encoding: chunked").And.NotContain("Keep-Alive");
        chunked.Body.Should().Contain("target=/chunked");
        after.Body.Should().Contain("target=/after");
    }

    [Test]
    public async Task A_response_delimited_by_close_closes_the_client_connection()
    {
        var (_, client) = await ConnectAsync();
        using var _ = client;

        await client.SendAsync(Get("allowed.test", A.Port, "/until-close"));
        var answer = await client.ReadResponseAsync();

        answer.Closes.Should().BeTrue();
        answer.Body.Should().Contain("target=/until-close");
    }

    [Test]
    public async Task Proxy_and_connection_listed_headers_never_reach_the_server()
    {
        var (_, client) = await ConnectAsync();
        using var _ = client;

        await client.SendAsync(Get("allowed.test", A.Port, "/", "Proxy-Authorization: Basic eDp5\r\nProxy-Connection: keep-alive\r\nConnection: X-Secret\r\nX-Secret: 1\r\nAccept: */*\r\n"));
        var answer = await client.ReadResponseAsync();

        answer.Body.Should().EndWith("headers=Host,Accept");
    }

    [Test]
    public async Task A_broken_chunked_body_is_answered_400_and_the_connection_closes()
    {
        var (_, client) = await ConnectAsync();
        using var _ = client;

        await client.SendAsync($"POST http://allowed.test:{A.Port}/ HTTP/1.1\r\nHost: allowed.test\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n");

        (await client.ReadToEndAsync()).Should().StartWith("HTTP/1.1 400");
    }
}
