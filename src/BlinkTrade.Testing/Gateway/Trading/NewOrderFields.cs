using BlinkTrade.Testing.Matching;

namespace BlinkTrade.Testing.Gateway.Trading;

/// <summary>A D request that passed validation, in the engine's terms (prices not yet floored to the tick).</summary>
internal readonly record struct NewOrderFields(
    string ClOrdId,
    string Symbol,
    Side Side,
    OrderType Type,
    long Quantity,
    long Price,
    long StopPx,
    TimeInForce TimeInForce,
    bool PostOnly,
    string? ClientId);
