using System.Text;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Testing.Gateway.Sessions;
using BlinkTrade.Testing.Gateway.Wire;

namespace BlinkTrade.Testing.Gateway.MarketData;

/// <summary>
/// One publication (an <c>X</c>, an <c>f</c>) for every subscription of a symbol: the frames differ only in the
/// request id each subscription echoes, so the record is serialized once and each subscriber's frame is that body
/// with its own id's JSON spliced in — byte for byte what <see cref="EchoedId.Encode"/> writes for it. The splice is
/// done when the frame is sent, into the session's send buffer (<see cref="QueuedFrame"/>): a subscriber costs no array.
/// </summary>
/// <remarks>Why: with a thousand subscribers, serializing a separate frame per subscriber on the exchange actor was most
/// of the cost of a book update's fan-out, and a spliced array per subscriber most of the exchange's allocations.</remarks>
internal sealed class SharedIdFrame
{
    private readonly BlinkTradeMessage _message;
    private readonly string _field;
    private readonly byte[] _body;
    // Where the record's id (written as 0) sits in _body: [_idAt, _idEnd); -1 when it could not be found.
    private readonly int _idAt = -1;
    private readonly int _idEnd;

    /// <summary>Serializes <paramref name="message"/>, whose <paramref name="field"/> must hold 0 (the placeholder).</summary>
    public SharedIdFrame(BlinkTradeMessage message, string field)
    {
        _message = message;
        _field = field;
        _body = FrameEncoder.Encode(message);
        // `"field":0` followed by `,` or `}` is the record's own property: inside a string value the quotes would be
        // escaped, and the entries carry no such field.
        var needle = Encoding.UTF8.GetBytes("\"" + field + "\":0");
        var at = _body.AsSpan().IndexOf(needle);
        if (at >= 0 && at + needle.Length < _body.Length && _body[at + needle.Length] is (byte)',' or (byte)'}'
            && _body.AsSpan(at + needle.Length).IndexOf(needle) < 0)
        {
            _idEnd = at + needle.Length;
            _idAt = _idEnd - 1;
        }
    }

    /// <summary>The frame for the subscription whose id is <paramref name="id"/>.</summary>
    public QueuedFrame For(EchoedId id)
        => _idAt < 0
            ? new QueuedFrame(id.Encode(_message, _field)) // not expected: the encoder's general path
            : new QueuedFrame(this, id.Raw);

    /// <summary>The size of the frame with an id of <paramref name="idLength"/> bytes.</summary>
    internal int LengthWith(int idLength) => _body.Length - (_idEnd - _idAt) + idLength;

    /// <summary>Writes the frame with <paramref name="id"/> spliced in to the start of <paramref name="destination"/>.</summary>
    internal void Splice(ReadOnlySpan<byte> id, Span<byte> destination)
    {
        _body.AsSpan(0, _idAt).CopyTo(destination);
        id.CopyTo(destination[_idAt..]);
        _body.AsSpan(_idEnd).CopyTo(destination[(_idAt + id.Length)..]);
    }
}
