using System.Net.Http;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Authentication;

namespace BlinkTrade.Client.Transport;

/// <summary>Connects over a WebSocket (<c>ws://</c> or <c>wss://</c>): its own RFC 6455 handshake on a socket, or
/// <see cref="ClientWebSocket"/> when the system proxy applies to the endpoint.</summary>
public sealed class WebSocketTransport : IBlinkTradeTransport
{
    private readonly WebSocketTransportOptions _options;

    /// <summary>Creates the transport.</summary>
    /// <param name="options">Options; defaults when omitted.</param>
    public WebSocketTransport(WebSocketTransportOptions? options = null) => _options = options ?? new WebSocketTransportOptions();

    /// <inheritdoc />
    public async ValueTask<IBlinkTradeConnection> ConnectAsync(Uri? endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.Scheme is not ("ws" or "wss"))
        {
            throw new ArgumentException($"A BlinkTrade endpoint must be a ws:// or wss:// URI, not '{endpoint.Scheme}://'.", nameof(endpoint));
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ConnectTimeout);
        WebSocket socket;
        ReadAheadStream? readAhead = null;
        try
        {
            if (ProxyApplies(endpoint))
            {
                socket = await ConnectThroughClientWebSocketAsync(endpoint, timeout.Token).ConfigureAwait(false);
            }
            else
            {
                (socket, readAhead) = await WebSocketHandshake.ConnectAsync(endpoint, _options.KeepAliveInterval, _options.RequestHeaders, timeout.Token)
                    .ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ConnectionClosedException($"Connecting to {endpoint} timed out after {_options.ConnectTimeout}.");
        }
        catch (Exception e) when (e is WebSocketException or HttpRequestException or SocketException or IOException or AuthenticationException)
        {
            throw new ConnectionClosedException($"Could not connect to {endpoint}: {e.Message}", e);
        }
        return new WebSocketConnection(socket, endpoint.GetLeftPart(UriPartial.Authority), _options.MaxFrameBytes, readAhead: readAhead);
    }

    // The system proxy (HTTP(S)_PROXY, ALL_PROXY, NO_PROXY), asked for the endpoint's http(s) form as
    // SocketsHttpHandler asks it for a WebSocket upgrade.
    private static bool ProxyApplies(Uri endpoint)
    {
        var proxy = HttpClient.DefaultProxy;
        var asHttp = new UriBuilder(endpoint) { Scheme = endpoint.Scheme == "wss" ? Uri.UriSchemeHttps : Uri.UriSchemeHttp, Port = endpoint.Port }.Uri;
        return !proxy.IsBypassed(asHttp) && proxy.GetProxy(asHttp) is { } via && via != asHttp;
    }

    // Through a proxy: ClientWebSocket speaks the proxy's CONNECT; it costs its HTTP connection's buffers per socket.
    private async Task<WebSocket> ConnectThroughClientWebSocketAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            socket.Options.KeepAliveInterval = _options.KeepAliveInterval;
            foreach (var (name, value) in _options.RequestHeaders)
            {
                socket.Options.SetRequestHeader(name, value);
            }
            await socket.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
