using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using BlinkTrade.Client.Transport;

namespace BlinkTrade.Client.Tests.Transport;

/// <summary>
/// The read-ahead stream under the client's WebSocket: on its own, and under a real managed WebSocket read through
/// <see cref="WebSocketConnection"/>, with the bytes arriving in pieces the test chooses.
/// </summary>
public sealed class ReadAheadStreamTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(30);

    // A server's text frame (RFC 6455 §5.2: FIN + text opcode, unmasked, 7/16/64-bit length).
    private static byte[] ServerFrame(ReadOnlySpan<byte> payload)
    {
        var header = new List<byte> { 0x81 };
        if (payload.Length < 126)
        {
            header.Add((byte)payload.Length);
        }
        else if (payload.Length <= ushort.MaxValue)
        {
            header.Add(126);
            header.Add((byte)(payload.Length >> 8));
            header.Add((byte)payload.Length);
        }
        else
        {
            header.Add(127);
            for (var shift = 56; shift >= 0; shift -= 8)
            {
                header.Add((byte)((long)payload.Length >> shift));
            }
        }
        return [.. header, .. payload];
    }

    private static byte[] Text(int length, int seed) =>
        Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + (i * 7 + seed) % 26))));

    private static (WebSocketConnection Connection, ReadAheadStream ReadAhead) Connect(ArrivalStream wire, int chunkBytes = ReadAheadStream.DefaultChunkBytes, int maxFrameBytes = WebSocketConnection.DefaultMaxFrameBytes)
    {
        var readAhead = new ReadAheadStream(wire, chunkBytes);
        var socket = WebSocket.CreateFromStream(readAhead, new WebSocketCreationOptions { IsServer = false, KeepAliveInterval = Timeout.InfiniteTimeSpan });
        return (new WebSocketConnection(socket, "test", maxFrameBytes, readAhead: readAhead), readAhead);
    }

    private static async Task<byte[]?> ReceiveAsync(IBlinkTradeConnection connection)
    {
        var buffer = new ArrayBufferWriter<byte>();
        return await connection.ReceiveAsync(buffer, CancellationToken.None).AsTask().WaitAsync(Safety) ? buffer.WrittenSpan.ToArray() : null;
    }

    [Theory]
    [InlineData(1, 64)]
    [InlineData(2, 64)]
    [InlineData(3, 1024)]
    [InlineData(4, ReadAheadStream.DefaultChunkBytes)]
    public async Task Frames_split_anywhere_across_arrivals_come_out_whole_and_in_order(int seed, int chunkBytes)
    {
        var random = new Random(seed);
        int[] lengths = [0, 1, 60, 125, 126, 127, 1000, 65_535, 65_536, 70_000, 3];
        var payloads = lengths.Select((length, i) => Text(length, seed + i)).ToArray();
        var wire = new ArrivalStream();
        var bytes = payloads.SelectMany(p => ServerFrame(p)).ToArray();
        for (var at = 0; at < bytes.Length;)
        {
            // Pieces from 1 byte to 3 chunks long, so a frame's header, its body and frame boundaries all get split.
            var piece = Math.Min(bytes.Length - at, random.Next(1, 3 * chunkBytes));
            wire.Arrive(bytes.AsSpan(at, piece));
            at += piece;
        }
        var (connection, readAhead) = Connect(wire, chunkBytes);
        await using (connection)
        {
            foreach (var payload in payloads)
            {
                Assert.Equal(payload, await ReceiveAsync(connection));
            }
            Assert.Equal(0, readAhead.BufferedCount);
            Assert.False(readAhead.HoldsBuffer);
        }
    }

    [Fact]
    public async Task Several_frames_in_one_arrival_cost_one_read_of_the_socket()
    {
        var wire = new ArrivalStream();
        var payloads = Enumerable.Range(0, 20).Select(i => Text(40 + 30 * i, i)).ToArray();
        wire.Arrive(payloads.SelectMany(p => ServerFrame(p)).ToArray());
        var (connection, readAhead) = Connect(wire);
        await using (connection)
        {
            foreach (var payload in payloads)
            {
                Assert.Equal(payload, await ReceiveAsync(connection));
            }
            // One zero-byte wait, then one read took all twenty frames (directly on the socket: three reads per frame).
            Assert.Equal(1, wire.DataReads);
            Assert.Equal(1, wire.ZeroByteReads);
            Assert.False(readAhead.HoldsBuffer);
        }
    }

    [Fact]
    public async Task A_frame_larger_than_the_chunk_is_read_straight_into_the_callers_memory()
    {
        var wire = new ArrivalStream();
        var payload = Text(200_000, 5);
        wire.Arrive(ServerFrame(payload));
        var (connection, readAhead) = Connect(wire, chunkBytes: 4096);
        await using (connection)
        {
            Assert.Equal(payload, await ReceiveAsync(connection));
            // The header's chunk, then the body in the destination's own (8 KiB) pieces: no copy through the chunk.
            Assert.True(wire.DataReads <= 2 + payload.Length / 8192, $"{wire.DataReads} reads");
            Assert.False(readAhead.HoldsBuffer);
        }
    }

    [Fact]
    public async Task An_oversized_frame_is_refused_without_taking_more_than_the_limit()
    {
        var wire = new ArrivalStream();
        wire.Arrive(ServerFrame(Text(50_000, 1)));
        var (connection, _) = Connect(wire, maxFrameBytes: 20_000);
        await using (connection)
        {
            var buffer = new ArrayBufferWriter<byte>();
            await Assert.ThrowsAsync<FrameTooLargeException>(() => connection.ReceiveAsync(buffer, CancellationToken.None).AsTask().WaitAsync(Safety));
            Assert.True(buffer.WrittenCount <= 20_000);
            await Assert.ThrowsAsync<ConnectionClosedException>(() => connection.ReceiveAsync(buffer, CancellationToken.None).AsTask());
        }
    }

    [Fact]
    public async Task The_peer_ending_the_connection_mid_frame_fails_the_receive()
    {
        var wire = new ArrivalStream();
        var frame = ServerFrame(Text(500, 2));
        wire.Arrive(frame.AsSpan(0, 300));
        var (connection, readAhead) = Connect(wire);
        await using (connection)
        {
            var receiving = connection.ReceiveAsync(new ArrayBufferWriter<byte>(), CancellationToken.None).AsTask();
            wire.End();
            await Assert.ThrowsAsync<ConnectionClosedException>(() => receiving.WaitAsync(Safety));
            Assert.False(readAhead.HoldsBuffer);
        }
    }

    [Fact]
    public async Task Over_a_TLS_stream_frames_come_out_whole_and_an_idle_wait_holds_no_chunk()
    {
        using var certificate = SelfSignedCertificate.CreateForLocalhost();
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var accepting = listener.AcceptTcpClientAsync();
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(System.Net.IPAddress.Loopback, ((System.Net.IPEndPoint)listener.LocalEndpoint).Port);
        using var served = await accepting.WaitAsync(Safety);
        await using var serverTls = new System.Net.Security.SslStream(served.GetStream());
        // The test's own certificate: the client trusts it here (the handshake itself keeps the system's validation).
        var clientTls = new System.Net.Security.SslStream(client.GetStream(), false, (_, _, _, _) => true);
        await Task.WhenAll(
            serverTls.AuthenticateAsServerAsync(certificate),
            clientTls.AuthenticateAsClientAsync("localhost")).WaitAsync(Safety);
        var readAhead = new ReadAheadStream(clientTls);
        var socket = WebSocket.CreateFromStream(readAhead, new WebSocketCreationOptions { IsServer = false, KeepAliveInterval = Timeout.InfiniteTimeSpan });
        await using var connection = new WebSocketConnection(socket, "tls", readAhead: readAhead);

        var payloads = Enumerable.Range(1, 30).Select(i => Text(i * 997 % 40_000, i)).ToArray();
        var first = new ArrayBufferWriter<byte>();
        var receiving = connection.ReceiveAsync(first, CancellationToken.None).AsTask();
        Assert.False(readAhead.HoldsBuffer); // waiting for the first frame: no chunk
        foreach (var payload in payloads)
        {
            await serverTls.WriteAsync(ServerFrame(payload));
        }
        await serverTls.FlushAsync();
        Assert.True(await receiving.WaitAsync(Safety));
        Assert.Equal(payloads[0], first.WrittenSpan.ToArray());
        foreach (var payload in payloads.Skip(1))
        {
            Assert.Equal(payload, await ReceiveAsync(connection));
        }
        Assert.False(readAhead.HoldsBuffer);
    }

    [Fact]
    public async Task Reads_are_served_from_the_chunk_then_report_the_end()
    {
        var wire = new ArrivalStream();
        await using var stream = new ReadAheadStream(wire, chunkBytes: 8);
        wire.Arrive("hello world"u8);
        var buffer = new byte[4];
        Assert.Equal(4, await stream.ReadAsync(buffer));
        Assert.Equal("hell"u8.ToArray(), buffer);
        Assert.Equal(4, stream.BufferedCount); // one read of the inner stream took a chunk (8 bytes)
        Assert.True(stream.HoldsBuffer);
        Assert.Equal(0, await stream.ReadAsync(Memory<byte>.Empty)); // data is here: a zero-byte read returns at once
        Assert.Equal(4, await stream.ReadAsync(buffer));
        Assert.Equal("o wo"u8.ToArray(), buffer);
        Assert.False(stream.HoldsBuffer);
        Assert.Equal(3, await stream.ReadAsync(buffer));
        Assert.Equal("rld"u8.ToArray(), buffer.AsSpan(0, 3).ToArray());
        wire.End();
        Assert.Equal(0, await stream.ReadAsync(buffer));
        Assert.False(stream.HoldsBuffer);
        Assert.Equal(0, wire.DataReadsThatWaited);
    }

    [Fact]
    public async Task An_idle_stream_waits_for_data_without_a_buffer()
    {
        var wire = new ArrivalStream();
        await using var stream = new ReadAheadStream(wire);
        var buffer = new byte[100];
        // A read that asks for bytes while none have arrived: the stream waits with a zero-byte read of its own.
        var reading = stream.ReadAsync(buffer).AsTask();
        Assert.False(reading.IsCompleted);
        Assert.False(stream.HoldsBuffer);
        wire.Arrive("abc"u8);
        Assert.Equal(3, await reading.WaitAsync(Safety));
        Assert.False(stream.HoldsBuffer);

        var waiting = stream.ReadAsync(Memory<byte>.Empty).AsTask();
        Assert.False(waiting.IsCompleted);
        wire.Arrive("de"u8);
        Assert.Equal(0, await waiting.WaitAsync(Safety));
        Assert.Equal(2, await stream.ReadAsync(buffer));
        // The socket was never asked for bytes before it had some: no buffer was ever handed to a waiting read.
        Assert.Equal(0, wire.DataReadsThatWaited);
        Assert.Equal(2, wire.DataReads); // the zero-byte wait made the second data read need no second wait
    }

    [Fact]
    public async Task A_cancelled_wait_holds_nothing_and_the_stream_reads_on_afterwards()
    {
        var wire = new ArrivalStream();
        await using var stream = new ReadAheadStream(wire);
        using var cancel = new CancellationTokenSource();
        var reading = stream.ReadAsync(new byte[10], cancel.Token).AsTask();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading.WaitAsync(Safety));
        Assert.False(stream.HoldsBuffer);
        wire.Arrive("xyz"u8);
        var buffer = new byte[10];
        Assert.Equal(3, await stream.ReadAsync(buffer).AsTask().WaitAsync(Safety));
        Assert.Equal("xyz"u8.ToArray(), buffer.AsSpan(0, 3).ToArray());
    }

    [Fact]
    public async Task Writes_pass_through_and_disposing_disposes_the_inner_stream()
    {
        var wire = new ArrivalStream();
        var stream = new ReadAheadStream(wire);
        await stream.WriteAsync("ping"u8.ToArray());
        stream.Write("!"u8);
        await stream.FlushAsync();
        Assert.Equal("ping!"u8.ToArray(), wire.Written.ToArray());
        var reading = stream.ReadAsync(new byte[4]).AsTask();
        await stream.DisposeAsync();
        // The inner stream ends with it (a socket's pending read fails; this stand-in reports the end).
        Assert.Equal(0, await reading.WaitAsync(Safety));
    }
}
