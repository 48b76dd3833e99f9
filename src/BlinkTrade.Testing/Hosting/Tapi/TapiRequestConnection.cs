using System.Buffers;
using BlinkTrade.Client.Transport;

namespace BlinkTrade.Testing.Hosting.Tapi;

/// <summary>
/// The server end of one REST trade call (PROTOCOL.md §4.4) as a connection: it yields the request body as the one
/// inbound frame, then reports the peer gone; every frame the session sends (the reply, then the publications the
/// request caused, G39) is kept in order for the HTTP answer's <c>Responses</c>.
/// </summary>
/// <remarks>
/// This is how a REST call runs through the very session code of a WebSocket session — dispatch, permissions,
/// handlers, reply-before-refresh ordering — without a second implementation of any of it.
/// </remarks>
internal sealed class TapiRequestConnection(byte[] request, string remoteDescription) : IBlinkTradeConnection
{
    private readonly List<byte[]> _sent = [];
    private readonly Lock _gate = new();
    private int _received;
    private volatile bool _open = true;

    public string RemoteDescription { get; } = remoteDescription;

    public bool IsOpen => _open;

    /// <summary>The frames the session sent, in order (a copy; read it once the session has ended).</summary>
    public IReadOnlyList<byte[]> SentFrames
    {
        get
        {
            lock (_gate)
            {
                return [.. _sent];
            }
        }
    }

    public ValueTask SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_open)
        {
            throw new ConnectionClosedException("The REST call has ended.");
        }
        lock (_gate)
        {
            _sent.Add(frame.ToArray());
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> ReceiveAsync(IBufferWriter<byte> destination, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // One request per call: the first receive yields it, the next one ends the session (after its reply is out).
        if (Interlocked.Exchange(ref _received, 1) != 0)
        {
            return ValueTask.FromResult(false);
        }
        destination.Write(request);
        return ValueTask.FromResult(true);
    }

    public ValueTask CloseAsync(string? reason, CancellationToken cancellationToken)
    {
        _open = false;
        return ValueTask.CompletedTask;
    }

    public void Abort() => _open = false;

    public ValueTask DisposeAsync()
    {
        _open = false;
        return ValueTask.CompletedTask;
    }
}
