using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Trading;

/// <summary>
/// An order to send with <see cref="IBlinkTradeClient.SendOrderAsync"/>. Build one with <see cref="Limit"/>,
/// <see cref="Market"/>, <see cref="Stop"/> or <see cref="StopLimit"/>, then adjust with <c>with</c>
/// (<see cref="TimeInForce"/>, <see cref="PostOnly"/>, <see cref="ClOrdID"/>).
/// </summary>
/// <param name="Symbol">The instrument, e.g. <c>BTCUSD</c>.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="OrdType">Market, limit, stop or stop-limit.</param>
/// <param name="Quantity">The base-currency quantity.</param>
public sealed record NewOrder(string Symbol, Side Side, OrdType OrdType, Quantity Quantity)
{
    /// <summary>The limit price (limit and stop-limit orders).</summary>
    public Price? Price { get; init; }

    /// <summary>The trigger price (stop and stop-limit orders).</summary>
    public Price? StopPrice { get; init; }

    /// <summary>Time in force; the server's default (good-till-cancel) when <see langword="null"/>.</summary>
    public TimeInForce? TimeInForce { get; init; }

    /// <summary>Post-only (<c>ExecInst</c> 6): rejected rather than executed as a taker.</summary>
    public bool PostOnly { get; init; }

    /// <summary>The client order id (≤ 30 characters); generated when <see langword="null"/>.</summary>
    public string? ClOrdID { get; init; }

    /// <summary>A customer a broker places the order for.</summary>
    public string? ClientID { get; init; }

    /// <summary>A limit order.</summary>
    /// <param name="symbol">The instrument.</param>
    /// <param name="side">Buy or sell.</param>
    /// <param name="quantity">The quantity.</param>
    /// <param name="price">The limit price.</param>
    /// <returns>The order.</returns>
    public static NewOrder Limit(string symbol, Side side, Quantity quantity, Price price) => new(symbol, side, OrdType.Limit, quantity) { Price = price };

    /// <summary>A market order.</summary>
    /// <param name="symbol">The instrument.</param>
    /// <param name="side">Buy or sell.</param>
    /// <param name="quantity">The quantity.</param>
    /// <returns>The order.</returns>
    public static NewOrder Market(string symbol, Side side, Quantity quantity) => new(symbol, side, OrdType.Market, quantity);

    /// <summary>A stop order (a market order once the last trade reaches <paramref name="stopPrice"/>).</summary>
    /// <param name="symbol">The instrument.</param>
    /// <param name="side">Buy or sell.</param>
    /// <param name="quantity">The quantity.</param>
    /// <param name="stopPrice">The trigger price.</param>
    /// <returns>The order.</returns>
    public static NewOrder Stop(string symbol, Side side, Quantity quantity, Price stopPrice) => new(symbol, side, OrdType.Stop, quantity) { StopPrice = stopPrice };

    /// <summary>A stop-limit order (a limit order at <paramref name="price"/> once triggered).</summary>
    /// <param name="symbol">The instrument.</param>
    /// <param name="side">Buy or sell.</param>
    /// <param name="quantity">The quantity.</param>
    /// <param name="stopPrice">The trigger price.</param>
    /// <param name="price">The limit price.</param>
    /// <returns>The order.</returns>
    public static NewOrder StopLimit(string symbol, Side side, Quantity quantity, Price stopPrice, Price price)
        => new(symbol, side, OrdType.StopLimit, quantity) { StopPrice = stopPrice, Price = price };

    /// <summary>Checks the fields the order type requires (PROTOCOL.md §2.3).</summary>
    /// <exception cref="ArgumentException">A required field is missing or out of range.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(Symbol);
        if (Quantity.Satoshis <= 0)
        {
            throw new ArgumentException("The quantity must be positive.", nameof(Quantity));
        }
        var needsPrice = OrdType == OrdType.Limit || OrdType == OrdType.StopLimit;
        var needsStop = OrdType == OrdType.Stop || OrdType == OrdType.StopLimit;
        if (needsPrice && (Price is not { } price || price.Satoshis <= 0))
        {
            throw new ArgumentException($"A {OrdType} order needs a positive Price.", nameof(Price));
        }
        if (needsStop && (StopPrice is not { } stop || stop.Satoshis <= 0))
        {
            throw new ArgumentException($"A {OrdType} order needs a positive StopPrice.", nameof(StopPrice));
        }
        if (ClOrdID is { Length: > 30 })
        {
            throw new ArgumentException("ClOrdID is limited to 30 characters.", nameof(ClOrdID));
        }
    }
}
