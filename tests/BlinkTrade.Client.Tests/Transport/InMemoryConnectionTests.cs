using System.Buffers;
using System.Text;
using BlinkTrade.Client.Transport;

namespace BlinkTrade.Client.Tests.Transport;

public sealed class InMemoryConnectionTests
{
    private static async Task<string?> ReceiveTextAsync(IBlinkTradeConnection connection)
    {
        var buffer = new ArrayBufferWriter<byte>();
        return await connection.ReceiveAsync(buffer, CancellationToken.None) ? Encoding.UTF8.GetString(buffer.WrittenSpan) : null;
    }

    [Fact]
    public async Task Frames_flow_both_ways_in_order_and_are_copied()
    {
        var (client, server) = InMemoryConnection.CreatePair();
        var frame = Encoding.UTF8.GetBytes("{\"MsgType\":\"1\"}");
        await client.SendAsync(frame, CancellationToken.None);
        frame[2] = (byte)'X'; // the sender may reuse its buffer at once
        await client.SendAsync(Encoding.UTF8.GetBytes("second"), CancellationToken.None);
        await server.SendAsync(Encoding.UTF8.GetBytes("reply"), CancellationToken.None);

        Assert.Equal("{\"MsgType\":\"1\"}", await ReceiveTextAsync(server));
        Assert.Equal("second", await ReceiveTextAsync(server));
        Assert.Equal("reply", await ReceiveTextAsync(client));
        Assert.Equal("in-memory client", server.RemoteDescription);
    }

    [Fact]
    public async Task Queued_frames_of_any_size_arrive_whole_while_the_sender_reuses_its_buffer()
    {
        var (client, server) = InMemoryConnection.CreatePair();
        var buffer = new byte[70_000];
        int[] sizes = [0, 1, 15, 16, 17, 300, 4096, 4097, 70_000, 2];
        for (var i = 0; i < sizes.Length; i++)
        {
            buffer.AsSpan(0, sizes[i]).Fill((byte)('a' + i));
            await client.SendAsync(buffer.AsMemory(0, sizes[i]), CancellationToken.None);
        }
        buffer.AsSpan().Clear();

        for (var i = 0; i < sizes.Length; i++)
        {
            var received = new ArrayBufferWriter<byte>();
            Assert.True(await server.ReceiveAsync(received, CancellationToken.None));
            Assert.Equal(sizes[i], received.WrittenCount);
            Assert.All(received.WrittenSpan.ToArray(), b => Assert.Equal((byte)('a' + i), b));
        }
    }

    [Fact]
    public async Task Graceful_close_lets_the_peer_drain_then_ends_its_stream()
    {
        var (client, server) = InMemoryConnection.CreatePair();
        await client.SendAsync(Encoding.UTF8.GetBytes("last words"), CancellationToken.None);
        await client.CloseAsync("bye", CancellationToken.None);

        Assert.Equal("last words", await ReceiveTextAsync(server));
        Assert.Null(await ReceiveTextAsync(server));
        Assert.False(client.IsOpen);
        await Assert.ThrowsAsync<ConnectionClosedException>(() => client.SendAsync(new byte[] { 1 }, CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Abort_fails_pending_receives_on_both_ends()
    {
        var (client, server) = InMemoryConnection.CreatePair();
        var pending = ReceiveTextAsync(client);
        server.Abort();
        await Assert.ThrowsAsync<ConnectionClosedException>(() => pending);
        await Assert.ThrowsAsync<ConnectionClosedException>(() => ReceiveTextAsync(server));
    }

    [Fact]
    public async Task Oversized_frames_are_refused()
    {
        var (client, server) = InMemoryConnection.CreatePair(maxFrameBytes: 8);
        await client.SendAsync(new byte[9], CancellationToken.None);
        var error = await Assert.ThrowsAsync<FrameTooLargeException>(() => ReceiveTextAsync(server));
        Assert.Equal(8, error.MaxFrameBytes);
        // The refusing end can still tell the peer why before it closes.
        Assert.True(server.IsOpen);
        await server.SendAsync("{}"u8.ToArray(), CancellationToken.None);
        Assert.Equal("{}", await ReceiveTextAsync(client));
    }

    [Fact]
    public async Task Receive_honours_cancellation()
    {
        var (client, _) = InMemoryConnection.CreatePair();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ReceiveAsync(new ArrayBufferWriter<byte>(), cts.Token).AsTask());
    }
}
