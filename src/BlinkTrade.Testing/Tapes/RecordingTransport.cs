using BlinkTrade.Client.Transport;

namespace BlinkTrade.Testing.Tapes;

/// <summary>Opens connections through another transport and records them on a tape (client side).</summary>
internal sealed class RecordingTransport(IBlinkTradeTransport inner, TapeRecorder recorder) : IBlinkTradeTransport
{
    public async ValueTask<IBlinkTradeConnection> ConnectAsync(Uri? endpoint, CancellationToken cancellationToken)
    {
        var connection = await inner.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
        return recorder.WrapConnection(connection, exchangeSide: false);
    }
}
