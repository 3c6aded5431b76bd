using System.Text;
using Airlock.Gateway.Serving;

namespace Airlock.Gateway.Tests.Serving;

public sealed class SseEventsTests
{
    [TestCase("data: [DONE]\n\n", true)]
    [TestCase("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n", true)]
    [TestCase("data: {\"choices\":[{\"delta\":{\"content\":\"print('data: [DONE]')\"}}]}\n\n", false)]
    [TestCase("data: {\"delta\":{\"text\":\"event: message_stop\"}}\n\n", false)]
    public void Only_the_fields_that_end_a_stream_end_it(string eventText, bool terminal) =>
        SseEvents.IsTerminal(Encoding.UTF8.GetBytes(eventText)).Should().Be(terminal);

    [TestCase("event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\"}}\n\n", true)]
    [TestCase("data: {\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}\n\n", true)]
    [TestCase("data: {\"choices\":[{\"delta\":{\"content\":\"{\\\"error\\\": 1}\"}}]}\n\n", false)]
    [TestCase("data: {\"delta\":{\"text\":\"event: error\"}}\n\n", false)]
    public void A_providers_own_error_event_is_recognised_and_text_about_errors_is_not(string eventText, bool error) =>
        SseEvents.IsError(Encoding.UTF8.GetBytes(eventText)).Should().Be(error);

    [Test]
    public void Data_lines_are_joined_with_newlines()
    {
        var data = SseEvents.Data(Encoding.UTF8.GetBytes("event: x\ndata: {\"a\":\ndata: 1}\n\n"));

        Encoding.UTF8.GetString(data.Span).Should().Be("{\"a\":\n1}");
    }

    [Test]
    public void Rewritten_data_keeps_the_other_fields()
    {
        var rewritten = SseEvents.WithData(Encoding.UTF8.GetBytes("event: content_block_delta\r\ndata: {\"old\":1}\r\n\r\n"), "{\"new\":2}");

        Encoding.UTF8.GetString(rewritten).Should().Be("event: content_block_delta\ndata: {\"new\":2}\n\n");
    }
}
