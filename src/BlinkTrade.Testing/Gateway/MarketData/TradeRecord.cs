using BlinkTrade.Testing.Matching;

namespace BlinkTrade.Testing.Gateway.MarketData;

/// <summary>A printed trade as market data, U32 and the 24-hour statistics need it.</summary>
internal sealed record TradeRecord(long TradeId, string Symbol, long Price, long Quantity, Side AggressorSide, long OrderId, long SecondaryOrderId,
    int BuyerId, int SellerId, DateTimeOffset Created);
