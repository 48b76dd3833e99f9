using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace BlinkTrade.Testing.Tests.Gateway;

/// <summary>
/// A minimal WebSocket client over a raw TCP socket with a tiny receive buffer, for tests that need a peer which
/// really stops reading (kernel buffers fill and the server's sends stop completing) — unlike a stalled session,
/// which the exchange holds back itself.
/// </summary>
public sealed class RawWebSocketPeer : IDisposable
{
    private readonly Socket _socket;

    private RawWebSocketPeer(Socket socket) => _socket = socket;

    /// <summary>Connects and completes the HTTP upgrade on <paramref name="uri"/>.</summary>
    public static async Task<RawWebSocketPeer> ConnectAsync(Uri uri)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
        await socket.ConnectAsync(IPAddress.Loopback, uri.Port);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var request = $"GET {uri.AbsolutePath} HTTP/1.1\r\nHost: 127.0.0.1:{uri.Port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(request));
        // Read the 101 response byte by byte, so no frame after it is consumed.
        var response = new StringBuilder();
        var one = new byte[1];
        while (!response.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await socket.ReceiveAsync(one) == 0)
            {
                throw new IOException("The server closed the connection during the upgrade.");
            }
            response.Append((char)one[0]);
        }
        Assert.StartsWith("HTTP/1.1 101", response.ToString(), StringComparison.Ordinal);
        return new RawWebSocketPeer(socket);
    }

    /// <summary>Sends one masked text frame (client frames must be masked, RFC 6455 §5.3).</summary>
    public async Task SendTextAsync(string text)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        Assert.True(payload.Length < 65536);
        var header = payload.Length < 126 ? new byte[] { 0x81, (byte)(0x80 | payload.Length) } : [0x81, 0x80 | 126, (byte)(payload.Length >> 8), (byte)payload.Length];
        var mask = RandomNumberGenerator.GetBytes(4);
        var frame = new byte[header.Length + 4 + payload.Length];
        header.CopyTo(frame, 0);
        mask.CopyTo(frame, header.Length);
        for (var i = 0; i < payload.Length; i++)
        {
            frame[header.Length + 4 + i] = (byte)(payload[i] ^ mask[i % 4]);
        }
        await _socket.SendAsync(frame);
    }

    /// <summary>Reads everything the server sent until it closes or drops the connection; false on timeout.</summary>
    public async Task<bool> DrainUntilClosedAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var buffer = new byte[64 * 1024];
        try
        {
            while (await _socket.ReceiveAsync(buffer, SocketFlags.None, cancel.Token) > 0)
            {
            }
            return true;
        }
        catch (SocketException)
        {
            return true; // reset: the server aborted the connection
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose() => _socket.Dispose();
}
