using System.Buffers;
using BlinkTrade.Client.Transport;

namespace BlinkTrade.Testing.Scenarios;

/// <summary>One end of an in-memory pair that reports its frames to the pair's <see cref="ConnectionActivity"/>.</summary>
internal sealed class TrackedConnection(IBlinkTradeConnection inner, ConnectionActivity activity) : IBlinkTradeConnection
{
    private bool _holding; // a received frame is being handled (only the single reader touches it)

    public string RemoteDescription => inner.RemoteDescription;

    public bool IsOpen => inner.IsOpen;

    public async ValueTask SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        activity.Sent();
        try
        {
            await inner.SendAsync(frame, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            activity.Handled(); // never reached the peer
            throw;
        }
    }

    public async ValueTask<bool> ReceiveAsync(IBufferWriter<byte> destination, CancellationToken cancellationToken)
    {
        // Asking for the next frame is the sign that the previous one was handled.
        if (_holding)
        {
            _holding = false;
            activity.Handled();
        }
        try
        {
            _holding = await inner.ReceiveAsync(destination, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            activity.Close();
            throw;
        }
        if (!_holding)
        {
            activity.Close();
        }
        return _holding;
    }

    public ValueTask CloseAsync(string? reason, CancellationToken cancellationToken) => inner.CloseAsync(reason, cancellationToken);

    public void Abort()
    {
        activity.Close();
        inner.Abort();
    }

    public ValueTask DisposeAsync()
    {
        activity.Close();
        return inner.DisposeAsync();
    }
}
