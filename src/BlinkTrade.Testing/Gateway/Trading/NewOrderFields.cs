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
    string? ClientId)
{
    /// <summary>The order for <paramref name="account"/> in the engine's terms, its prices floored to the instrument's
    /// tick as bitex floors them to the currency pip (§5 G32): for a <c>D</c> and for a deposit's instructions.</summary>
    public NewOrder ToNewOrder(ExchangeState state, Users.UserAccount account)
    {
        var tick = state.Directory.FindInstrument(Symbol)?.TickSize ?? 1;
        return new NewOrder
        {
            BrokerId = account.BrokerId,
            UserId = account.UserId,
            ClOrdId = ClOrdId,
            Symbol = Symbol,
            Side = Side,
            OrderType = Type,
            Price = Price - (Price % tick),
            StopPx = StopPx - (StopPx % tick),
            Quantity = Quantity,
            TimeInForce = TimeInForce,
            PostOnly = PostOnly,
            Timestamp = state.NowTicks,
        };
    }
}
