namespace BlinkTrade.Client.Protocol.Serialization;

internal static partial class MessageRegistry
{
    /// <summary>Account messages (PROTOCOL.md §2).</summary>
    private static MessageDescriptor[] AccountMessages =>
    [
        new(MessageTypes.BalanceRequest, Context.UserBalanceRequest),
        new(MessageTypes.BalanceResponse, Context.UserBalanceResponse),
        new(MessageTypes.PositionRequest, Context.PositionRequest),
        new(MessageTypes.PositionResponse, Context.PositionResponse),
        new(MessageTypes.LedgerListRequest, Context.LedgerListRequest),
        new(MessageTypes.LedgerListResponse, Context.LedgerListResponse, "LedgerListGrp"),
        new(MessageTypes.TradersRankRequest, Context.TradersRankRequest),
        new(MessageTypes.TradersRankResponse, Context.TradersRankResponse, "TradersRankGrp"),
    ];
}
