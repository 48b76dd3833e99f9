using System.Buffers.Binary;
using System.Net.Sockets;

namespace BlinkTrade.Benchmarks.Client;

/// <summary>
/// A raw TCP connection of <see cref="SocketFloorCommand"/>: each message is prefixed with its length (2 bytes, big
/// endian) — the least framing a stream needs; a receive reads whatever the socket holds into one 1 KiB buffer and
/// hands on every complete message in it, so one message costs one <c>recv</c> when it arrives alone.
/// </summary>
internal sealed class SocketFloorTcpPeer(Socket socket) : SocketFloorPeer
{
    private const int BufferBytes = 1024;

    /// <summary>The connected socket (the one-thread fan-out sends on it directly).</summary>
    public Socket Socket { get; } = socket;

    public override byte[] Frame(byte[] message)
    {
        var wire = new byte[2 + message.Length];
        BinaryPrimitives.WriteUInt16BigEndian(wire, checked((ushort)message.Length));
        message.CopyTo(wire, 2);
        return wire;
    }

    public override async ValueTask SendAsync(ReadOnlyMemory<byte> wire, CancellationToken cancellationToken)
    {
        while (!wire.IsEmpty)
        {
            wire = wire[await Socket.SendAsync(wire, SocketFlags.None, cancellationToken).ConfigureAwait(false)..];
        }
    }

    public override async Task ReceiveAsync(Action<Memory<byte>> onMessage, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferBytes];
        var filled = 0;
        try
        {
            while (true)
            {
                var read = await Socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return;
                }
                filled += read;
                var start = 0;
                while (filled - start >= 2 && filled - start >= 2 + BinaryPrimitives.ReadUInt16BigEndian(buffer.AsSpan(start)))
                {
                    var length = 2 + BinaryPrimitives.ReadUInt16BigEndian(buffer.AsSpan(start));
                    onMessage(buffer.AsMemory(start, length));
                    start += length;
                }
                // Keep a partial message at the front (rare: messages are far smaller than the buffer).
                buffer.AsSpan(start, filled - start).CopyTo(buffer);
                filled -= start;
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The connection ended.
        }
    }

    public override void Dispose() => Socket.Dispose();
}
