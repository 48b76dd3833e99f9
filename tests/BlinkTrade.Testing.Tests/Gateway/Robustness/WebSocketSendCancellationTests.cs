using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using BlinkTrade.Client.Transport;

namespace BlinkTrade.Testing.Tests.Gateway.Robustness;

/// <summary>
/// How <see cref="WebSocketConnection.SendAsync"/> ends with its token, which the exchange's slow-consumer disconnect
/// and the client's stop rely on: a send that cannot complete (the peer stopped reading) ends as soon as the token
/// fires, by aborting the socket; a send with a token already cancelled sends nothing; a token cancelled after a send
/// completed leaves the connection alone. Pinned so that a cheaper send path (issue 18 task 18p tried handing the
/// socket <see cref="CancellationToken.None"/> and watching the token only while a send is pending) keeps them.
/// </summary>
[Collection(SocketTimingCollection.Name)]
public sealed class WebSocketSendCancellationTests
{
    private static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_pending_send_ends_when_its_token_fires_and_the_socket_is_aborted()
    {
        await using var pair = await SocketPair.ConnectAsync();
        using var stop = new CancellationTokenSource();
        var frame = new byte[64 * 1024];
        frame.AsSpan().Fill((byte)'x');
        // The peer never reads: the kernel's buffers fill and a send stops completing at once.
        ValueTask pending = default;
        for (var i = 0; i < 4096; i++)
        {
            pending = pair.Sender.SendAsync(frame, stop.Token);
            if (!pending.IsCompleted)
            {
                break;
            }
            await pending;
        }
        Assert.False(pending.IsCompleted, "every send completed: the peer's buffers never filled");

        await stop.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending.AsTask().WaitAsync(SafetyNet));
        Assert.Equal(stop.Token, error.CancellationToken);
        Assert.Equal(WebSocketState.Aborted, pair.SenderSocket.State);
        Assert.False(pair.Sender.IsOpen);
    }

    [Fact]
    public async Task A_send_whose_token_is_already_cancelled_sends_nothing_and_leaves_the_connection_open()
    {
        await using var pair = await SocketPair.ConnectAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pair.Sender.SendAsync("first"u8.ToArray(), cancelled.Token).AsTask());
        await pair.Sender.SendAsync("second"u8.ToArray(), CancellationToken.None);
        using var live = new CancellationTokenSource();
        await pair.Sender.SendAsync("third"u8.ToArray(), live.Token);

        Assert.True(pair.Sender.IsOpen);
        Assert.Equal("second", await pair.ReceiveTextAsync());
        Assert.Equal("third", await pair.ReceiveTextAsync());
    }

    [Fact]
    public async Task A_send_the_transport_takes_at_once_is_complete_when_it_returns_and_reaches_the_peer()
    {
        await using var pair = await SocketPair.ConnectAsync();
        using var live = new CancellationTokenSource();

        var sending = pair.Sender.SendAsync("{\"MsgType\":\"0\"}"u8.ToArray(), live.Token);

        Assert.True(sending.IsCompletedSuccessfully);
        await sending;
        // The token outlives the send: cancelling it now must not touch the connection.
        await live.CancelAsync();
        Assert.Equal("{\"MsgType\":\"0\"}", await pair.ReceiveTextAsync());
        Assert.Equal(WebSocketState.Open, pair.SenderSocket.State);
    }

    // Two managed WebSockets over a loopback TCP connection: the sender wrapped in a WebSocketConnection, the peer raw.
    private sealed class SocketPair : IAsyncDisposable
    {
        private readonly Socket _peerSocket;
        private readonly WebSocket _peer;

        private SocketPair(WebSocket senderSocket, Socket peerSocket, WebSocket peer)
        {
            SenderSocket = senderSocket;
            Sender = new WebSocketConnection(senderSocket, "test");
            _peerSocket = peerSocket;
            _peer = peer;
        }

        public WebSocket SenderSocket { get; }

        public WebSocketConnection Sender { get; }

        public static async Task<SocketPair> ConnectAsync()
        {
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen(1);
            var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { SendBufferSize = 8192 };
            var accepting = listener.AcceptAsync();
            await client.ConnectAsync((IPEndPoint)listener.LocalEndPoint!);
            var server = await accepting.WaitAsync(SafetyNet);
            server.ReceiveBufferSize = 8192;
            var sender = WebSocket.CreateFromStream(new NetworkStream(server, ownsSocket: true), new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = Timeout.InfiniteTimeSpan });
            var peer = WebSocket.CreateFromStream(new NetworkStream(client, ownsSocket: true), new WebSocketCreationOptions { IsServer = false, KeepAliveInterval = Timeout.InfiniteTimeSpan });
            return new SocketPair(sender, client, peer);
        }

        public async Task<string> ReceiveTextAsync()
        {
            var buffer = new byte[1024];
            var count = 0;
            while (true)
            {
                var result = await _peer.ReceiveAsync(buffer.AsMemory(count), CancellationToken.None).AsTask().WaitAsync(SafetyNet);
                count += result.Count;
                if (result.EndOfMessage)
                {
                    return Encoding.UTF8.GetString(buffer, 0, count);
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await Sender.DisposeAsync();
            _peer.Dispose();
            _peerSocket.Dispose();
        }
    }
}
