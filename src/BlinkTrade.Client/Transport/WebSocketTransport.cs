using System.Net.WebSockets;

namespace BlinkTrade.Client.Transport;

/// <summary>Connects over <see cref="ClientWebSocket"/> (<c>ws://</c> or <c>wss://</c>).</summary>
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
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = _options.KeepAliveInterval;
        foreach (var (name, value) in _options.RequestHeaders)
        {
            socket.Options.SetRequestHeader(name, value);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ConnectTimeout);
        try
        {
            await socket.ConnectAsync(endpoint, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new ConnectionClosedException($"Connecting to {endpoint} timed out after {_options.ConnectTimeout}.");
        }
        catch (Exception e) when (e is WebSocketException or System.Net.Http.HttpRequestException or System.Net.Sockets.SocketException)
        {
            socket.Dispose();
            throw new ConnectionClosedException($"Could not connect to {endpoint}: {e.Message}", e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new WebSocketConnection(socket, endpoint.GetLeftPart(UriPartial.Authority), _options.MaxFrameBytes);
    }
}
