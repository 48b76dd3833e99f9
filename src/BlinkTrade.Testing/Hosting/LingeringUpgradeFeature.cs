using System.Buffers;
using Microsoft.AspNetCore.Http.Features;

namespace BlinkTrade.Testing.Hosting;

/// <summary>
/// Wraps Kestrel's <see cref="IHttpUpgradeFeature"/> to keep the upgraded connection's stream, so that a WebSocket the
/// socket failed itself can close like a well-behaved server: wait until the peer has read the close frame and ended
/// the connection, then let Kestrel end it (the "lingering close" of RFC 7230 §6.6).
/// </summary>
/// <remarks>
/// Without it the close frame is lost: <c>ManagedWebSocket</c> queues its close (e.g. code 1007 for a text message that
/// is not UTF-8) and marks itself aborted, the request ends, and Kestrel ends the connection before the frame has gone
/// out — or the peer's late bytes meet a closed socket and its reset discards what it had not read. Nothing else
/// reports the end of an upgraded connection (<c>RequestAborted</c> does not fire on the peer's orderly close), so the
/// raw stream is read to its end.
/// </remarks>
internal sealed class LingeringUpgradeFeature(IHttpUpgradeFeature inner) : IHttpUpgradeFeature
{
    private Stream? _stream;

    /// <inheritdoc />
    public bool IsUpgradableRequest => inner.IsUpgradableRequest;

    /// <inheritdoc />
    public async Task<Stream> UpgradeAsync()
    {
        _stream = await inner.UpgradeAsync().ConfigureAwait(false);
        return _stream;
    }

    /// <summary>
    /// Reads and discards what the peer still sends until it ends the connection or <paramref name="cancellationToken"/>
    /// fires; only after the WebSocket on the stream has stopped reading.
    /// </summary>
    public async Task DrainUntilPeerClosesAsync(CancellationToken cancellationToken)
    {
        if (_stream is not { } stream)
        {
            return;
        }
        var scratch = ArrayPool<byte>.Shared.Rent(1024);
        try
        {
            while (await stream.ReadAsync(scratch.AsMemory(), cancellationToken).ConfigureAwait(false) > 0)
            {
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // Out of time, reset or already torn down: the connection ends either way.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }
}
