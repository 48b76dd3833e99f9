using System.Text;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Testing.Gateway.Wire;

namespace BlinkTrade.Testing.Gateway.MarketData;

/// <summary>
/// One publication (an <c>X</c>, an <c>f</c>) for every subscription of a symbol: the frames differ only in the
/// request id each subscription echoes, so the record is serialized once and each subscriber's frame is that body
/// with its own id's JSON spliced in — byte for byte what <see cref="EchoedId.Encode"/> writes for it. Subscriptions
/// that share an id (each client numbers its own requests) share one frame.
/// </summary>
/// <remarks>Why: with a thousand subscribers, serializing a separate frame per subscriber on the exchange actor was most
/// of the cost of a book update's fan-out.</remarks>
internal sealed class SharedIdFrame
{
    private readonly BlinkTradeMessage _message;
    private readonly string _field;
    private readonly byte[] _body;
    // Where the record's id (written as 0) sits in _body: [_idAt, _idEnd); -1 when it could not be found.
    private readonly int _idAt = -1;
    private readonly int _idEnd;
    private Dictionary<long, byte[]>? _byNumber;

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
    public byte[] For(EchoedId id)
    {
        if (_idAt < 0)
        {
            return id.Encode(_message, _field); // not expected: the encoder's general path
        }
        if (id.Number is { } number)
        {
            _byNumber ??= [];
            if (!_byNumber.TryGetValue(number, out var frame))
            {
                _byNumber[number] = frame = Splice(id.Raw.Span);
            }
            return frame;
        }
        return Splice(id.Raw.Span);
    }

    private byte[] Splice(ReadOnlySpan<byte> id)
    {
        var frame = new byte[_body.Length - (_idEnd - _idAt) + id.Length];
        _body.AsSpan(0, _idAt).CopyTo(frame);
        id.CopyTo(frame.AsSpan(_idAt));
        _body.AsSpan(_idEnd).CopyTo(frame.AsSpan(_idAt + id.Length));
        return frame;
    }
}
