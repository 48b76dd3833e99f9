using System.Text;
using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>
/// <c>U43</c> PositionResponse: positions by broker and currency; on the wire each broker is a top-level key
/// (<c>{"5": {"BTC": 0}}</c>), modelled as <see cref="Positions"/> (PROTOCOL.md §2.2).
/// </summary>
[JsonConverter(typeof(PositionResponseConverter))]
[MessageType(MessageTypes.PositionResponse)]
public sealed partial record PositionResponse : BlinkTradeMessage
{
    /// <summary>The request's correlation id.</summary>
    public long? PositionReqID { get; init; }

    /// <summary>The account.</summary>
    public long? ClientID { get; init; }

    /// <summary>Positions by broker id, then currency code (signed).</summary>
    public IReadOnlyDictionary<int, IReadOnlyDictionary<string, Amount>> Positions { get; init; } = new Dictionary<int, IReadOnlyDictionary<string, Amount>>();

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => RecordText.Print(builder, base.PrintMembers(builder),
        (nameof(PositionReqID), PositionReqID), (nameof(ClientID), ClientID),
        (nameof(Positions), RecordText.Map(Positions?.Select(static b => KeyValuePair.Create(b.Key, RecordText.Map(b.Value))))));
}
