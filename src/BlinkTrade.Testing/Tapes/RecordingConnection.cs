using System.Buffers;
using BlinkTrade.Client.Transport;

namespace BlinkTrade.Testing.Tapes;

/// <summary>A connection whose frames are taped as they pass, both ways.</summary>
internal sealed class RecordingConnection(IBlinkTradeConnection inner, TapeRecorder recorder, int number, bool exchangeSide) : IBlinkTradeConnection
{
    private readonly ArrayBufferWriter<byte> _received = new();

    public string RemoteDescription => inner.RemoteDescription;

    public bool IsOpen => inner.IsOpen;

    public ValueTask SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        // Taped before it leaves, so a reply can never appear on the tape ahead of its request.
        recorder.Record(number, exchangeSide ? TapeDirection.ExchangeToClient : TapeDirection.ClientToExchange, frame.Span);
        return inner.SendAsync(frame, cancellationToken);
    }

    public async ValueTask<bool> ReceiveAsync(IBufferWriter<byte> destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        // The destination is write-only, so the frame lands in our buffer first and is copied on.
        _received.ResetWrittenCount();
        if (!await inner.ReceiveAsync(_received, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }
        recorder.Record(number, exchangeSide ? TapeDirection.ClientToExchange : TapeDirection.ExchangeToClient, _received.WrittenSpan);
        destination.Write(_received.WrittenSpan);
        return true;
    }

    public ValueTask CloseAsync(string? reason, CancellationToken cancellationToken) => inner.CloseAsync(reason, cancellationToken);

    public void Abort() => inner.Abort();

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
