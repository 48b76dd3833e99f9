using BlinkTrade.Client.Protocol;

namespace BlinkTrade.ApiKeys;

/// <summary>
/// The answer to one REST trade call: the typed reply and every other message the call caused (execution reports,
/// balance updates…), in the order the exchange generated them (PROTOCOL.md §4.4). The exchange may also put there
/// what reached the user's sessions while the call ran (another order's fill, another call's report).
/// </summary>
/// <typeparam name="TReply">The reply's record type.</typeparam>
public sealed class BlinkTradeRestResponse<TReply>
    where TReply : BlinkTradeMessage
{
    internal BlinkTradeRestResponse(TReply reply, IReadOnlyList<BlinkTradeMessage> responses)
    {
        Reply = reply;
        Responses = responses;
        Others = [.. responses.Where(m => !ReferenceEquals(m, reply))];
    }

    /// <summary>The direct reply: the first message of type <typeparamref name="TReply"/> in <see cref="Responses"/> that echoes the
    /// request's correlation value (an order's <c>ClOrdID</c>, a <c>BalanceReqID</c>…), so never another call's report.</summary>
    public TReply Reply { get; }

    /// <summary>The other messages of the answer besides <see cref="Reply"/>, in order: what the call caused, and whatever else
    /// the exchange sent the user's sessions meanwhile.</summary>
    public IReadOnlyList<BlinkTradeMessage> Others { get; }

    /// <summary>Every message of the answer's <c>Responses</c>, in order, each read by <see cref="ProtocolSerializer"/>.</summary>
    public IReadOnlyList<BlinkTradeMessage> Responses { get; }

    /// <summary>
    /// Whether <see cref="Reply"/> was not received but reconstructed: the call's outcome was unknown and the order was
    /// found by a query (then <see cref="Reply"/> is an execution report with <c>IsSynthesized</c> set).
    /// </summary>
    public bool IsRecovered { get; init; }
}
