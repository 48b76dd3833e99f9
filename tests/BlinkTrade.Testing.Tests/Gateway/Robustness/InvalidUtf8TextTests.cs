using System.Net.WebSockets;
using System.Text;
using static BlinkTrade.Testing.Tests.Gateway.Trading.TradingHarness;

namespace BlinkTrade.Testing.Tests.Gateway.Robustness;

/// <summary>
/// A text message that is not UTF-8 fails the WebSocket connection with close code 1007 (RFC 6455 §8.1). The peer must
/// read that close frame — the only reason it gets — even when it sent more right behind the bad message: the server
/// lingers until the peer has gone instead of ending the connection at once, which lost the frame (seen by the fuzz:
/// FUZZ_SEED=5072404812938001967, frame 9395).
/// </summary>
public sealed class InvalidUtf8TextTests
{
    [Theory]
    [InlineData("7B22456E61626C65223A747275652C225365636F6E64466163746F72223A22EFBC")] // truncated sequence at the end
    [InlineData("7B224D736754797065223A2231222C22546573745265714944223A22FF227D")] // an invalid byte inside a string
    public async Task A_text_message_that_is_not_utf8_gets_close_code_1007_every_time(string hex)
    {
        await using var harness = await StartFundedAsync(TransportKind.WebSocket);
        var payload = Convert.FromHexString(hex);
        Assert.False(System.Text.Unicode.Utf8.IsValid(payload));
        var heartbeat = Encoding.UTF8.GetBytes("""{"MsgType":"1","TestReqID":"after"}""");
        for (var attempt = 0; attempt < 20; attempt++)
        {
            using var socket = new ClientWebSocket();
            await socket.ConnectAsync(harness.Exchange.WebSocketUri!, CancellationToken.None);
            await socket.SendAsync(payload, WebSocketMessageType.Text, true, CancellationToken.None);
            if (attempt % 2 == 1)
            {
                // More on the wire behind the bad message: the server never reads it.
                await socket.SendAsync(heartbeat, WebSocketMessageType.Text, true, CancellationToken.None);
            }
            var buffer = new byte[4096];
            WebSocketReceiveResult result;
            try
            {
                result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            }
            catch (WebSocketException e)
            {
                throw new Xunit.Sdk.XunitException($"attempt {attempt}: the connection ended without a close frame ({e.Message})");
            }
            Assert.Equal(WebSocketMessageType.Close, result.MessageType);
            Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, result.CloseStatus);
            // Not the close handshake: ClientWebSocket would then wait up to a second for the server to end the
            // connection while the server lingers for the peer to end it.
            socket.Abort();
        }
        // The exchange is unharmed: a new session is answered.
        await using var bob = await harness.LoginAsync("bob");
        var hb = await bob.RequestAsync("""{"MsgType":"1","TestReqID":"still-here"}""", "0");
        Assert.Equal("still-here", hb.GetProperty("TestReqID").GetString());
    }
}
