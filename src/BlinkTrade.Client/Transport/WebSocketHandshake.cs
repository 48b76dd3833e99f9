using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;

namespace BlinkTrade.Client.Transport;

/// <summary>
/// Opens a client WebSocket on a socket of its own: the RFC 6455 §4.1 opening handshake (an HTTP/1.1 GET with
/// <c>Upgrade: websocket</c>, answer 101 with the matching <c>Sec-WebSocket-Accept</c>), then
/// <see cref="WebSocket.CreateFromStream(Stream, WebSocketCreationOptions)"/> on the socket (or its TLS stream) under a
/// <see cref="ReadAheadStream"/>.
/// </summary>
/// <remarks>
/// Why not <see cref="ClientWebSocket"/> here: its upgraded connection stays a SocketsHttpHandler connection whose
/// 4 KiB read and write buffers (and its handler's connection pool) live as long as the socket — about 9 KB of an idle
/// session's heap, a quarter of it (docs/performance.md "Scale"). This path holds only the socket and, for
/// <c>wss://</c>, the <see cref="SslStream"/>. <see cref="WebSocketTransport"/> keeps ClientWebSocket when a proxy
/// applies to the endpoint, since this path speaks no proxy protocol.
/// The read-ahead sits over the TLS stream, not under it: SslStream already reads whole TLS records into a buffer of
/// its own (and waits on a zero-byte read without one), so below it a read-ahead would save nothing; above it, it
/// serves the WebSocket's header and body reads from decrypted bytes, the same as on a plain socket.
/// </remarks>
internal static class WebSocketHandshake
{
    private const string AcceptGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private const int MaxResponseHeadBytes = 16 * 1024;

    /// <summary>Connects to <paramref name="endpoint"/> (<c>ws://</c> or <c>wss://</c>) and upgrades.</summary>
    /// <returns>The WebSocket and the read-ahead stream under it (whose buffered bytes the receive loop may ask about).</returns>
    /// <exception cref="ConnectionClosedException">The server did not accept the upgrade.</exception>
    public static async Task<(WebSocket Socket, ReadAheadStream Stream)> ConnectAsync(Uri endpoint, TimeSpan keepAliveInterval,
        IEnumerable<KeyValuePair<string, string>> requestHeaders, CancellationToken cancellationToken)
    {
        var request = BuildRequest(endpoint, requestHeaders, out var key);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Stream? stream = null;
        try
        {
            await socket.ConnectAsync(new DnsEndPoint(endpoint.IdnHost, endpoint.Port), cancellationToken).ConfigureAwait(false);
            stream = new NetworkStream(socket, ownsSocket: true);
            if (endpoint.Scheme == "wss")
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = tls;
                await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = endpoint.IdnHost }, cancellationToken)
                    .ConfigureAwait(false);
            }
            var readAhead = new ReadAheadStream(stream);
            stream = readAhead;
            await stream.WriteAsync(request, cancellationToken).ConfigureAwait(false);
            var head = await ReadResponseHeadAsync(stream, cancellationToken).ConfigureAwait(false);
            CheckResponse(endpoint, head, key);
            return (WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = false, KeepAliveInterval = keepAliveInterval }), readAhead);
        }
        catch
        {
            if (stream is not null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                socket.Dispose();
            }
            throw;
        }
    }

    /// <summary>The expected <c>Sec-WebSocket-Accept</c> for a key (RFC 6455 §4.2.2).</summary>
    internal static string AcceptFor(string key) =>
        Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + AcceptGuid)));

    private static byte[] BuildRequest(Uri endpoint, IEnumerable<KeyValuePair<string, string>> requestHeaders, out string key)
    {
        key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var text = new StringBuilder(256)
            .Append("GET ").Append(endpoint.PathAndQuery).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(endpoint.GetComponents(UriComponents.Host | UriComponents.Port, UriFormat.UriEscaped)).Append("\r\n")
            .Append("Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n")
            .Append("Sec-WebSocket-Key: ").Append(key).Append("\r\n");
        foreach (var (name, value) in requestHeaders)
        {
            // As ClientWebSocketOptions.SetRequestHeader: a header must not smuggle a line break into the request.
            if (name.Length == 0 || name.Any(c => c <= ' ' || c >= 127 || c == ':') || value.Any(c => c is '\r' or '\n' or '\0'))
            {
                throw new ArgumentException($"The request header '{name}' is not a valid HTTP header.", nameof(requestHeaders));
            }
            text.Append(name).Append(": ").Append(value).Append("\r\n");
        }
        return Encoding.UTF8.GetBytes(text.Append("\r\n").ToString());
    }

    // One byte per read: the handshake must not consume the first WebSocket frame's bytes, which belong to the
    // WebSocket created on the same stream. The reads are served from the read-ahead chunk (one socket receive for the
    // whole head); bytes after the head stay buffered for the WebSocket.
    private static async Task<string> ReadResponseHeadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new byte[MaxResponseHeadBytes];
        var length = 0;
        while (length < 4 || !head.AsSpan(length - 4, 4).SequenceEqual("\r\n\r\n"u8))
        {
            if (length == head.Length)
            {
                throw new ConnectionClosedException($"The server's answer to the WebSocket upgrade exceeds {MaxResponseHeadBytes} bytes of headers.");
            }
            if (await stream.ReadAsync(head.AsMemory(length, 1), cancellationToken).ConfigureAwait(false) == 0)
            {
                throw new ConnectionClosedException("The server closed the connection during the WebSocket upgrade.");
            }
            length++;
        }
        return Encoding.Latin1.GetString(head, 0, length - 4);
    }

    private static void CheckResponse(Uri endpoint, string head, string key)
    {
        var lines = head.Split("\r\n");
        var status = lines[0].Split(' ', 3);
        if (status.Length < 2 || !status[0].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            throw new ConnectionClosedException($"{endpoint.GetLeftPart(UriPartial.Authority)} did not answer the WebSocket upgrade with HTTP.");
        }
        if (status[1] != "101")
        {
            throw new ConnectionClosedException(
                $"{endpoint.GetLeftPart(UriPartial.Authority)} refused the WebSocket upgrade: {status[1]} {(status.Length > 2 ? status[2] : "")}".TrimEnd());
        }
        string? upgrade = null, connection = null, accept = null;
        foreach (var line in lines.AsSpan(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }
            var name = line.AsSpan(0, colon).Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Upgrade", StringComparison.OrdinalIgnoreCase))
            {
                upgrade = value;
            }
            else if (name.Equals("Connection", StringComparison.OrdinalIgnoreCase))
            {
                connection = value;
            }
            else if (name.Equals("Sec-WebSocket-Accept", StringComparison.OrdinalIgnoreCase))
            {
                accept = value;
            }
        }
        var upgrades = connection?.Split(',', StringSplitOptions.TrimEntries).Contains("upgrade", StringComparer.OrdinalIgnoreCase) ?? false;
        if (!string.Equals(upgrade, "websocket", StringComparison.OrdinalIgnoreCase) || !upgrades || accept != AcceptFor(key))
        {
            throw new ConnectionClosedException(
                $"{endpoint.GetLeftPart(UriPartial.Authority)} answered 101 without a valid WebSocket upgrade (Upgrade, Connection or Sec-WebSocket-Accept).");
        }
    }
}
