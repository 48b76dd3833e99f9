using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Testing;

/// <summary>An open order as the control API sees it (resting, or a stop waiting for its trigger). Codes, prices and
/// quantities are the client's protocol types.</summary>
/// <param name="OrderId">The exchange order id.</param>
/// <param name="ClOrdId">The client order id, if one was sent.</param>
/// <param name="BrokerId">The owner's broker.</param>
/// <param name="UserId">The owner.</param>
/// <param name="Symbol">The instrument.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="OrderType">The order type as sent.</param>
/// <param name="TimeInForce">The time in force as sent.</param>
/// <param name="Status">New or partially filled (open orders only).</param>
/// <param name="Price">The limit price (0 for market and stop orders).</param>
/// <param name="StopPx">The trigger price of a stop order (0 otherwise).</param>
/// <param name="OrderQty">The quantity ordered.</param>
/// <param name="LeavesQty">The quantity still open.</param>
/// <param name="CumQty">The quantity filled.</param>
/// <param name="AvgPx">The average fill price.</param>
/// <param name="Locked">The funds the order holds: quote for a limit buy, base for a sell.</param>
/// <param name="IsWaitingForTrigger">An untriggered stop order (not in the book).</param>
/// <param name="PostOnly">Post-only.</param>
public sealed record ExchangeOrder(long OrderId, string? ClOrdId, int BrokerId, int UserId, string Symbol, Side Side, OrdType OrderType,
    TimeInForce TimeInForce, OrdStatus Status, Price Price, Price StopPx, Quantity OrderQty, Quantity LeavesQty, Quantity CumQty, Price AvgPx, Amount Locked,
    bool IsWaitingForTrigger, bool PostOnly)
{
    internal static ExchangeOrder From(in Matching.OrderState order)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        return new(order.OrderId, order.ClOrdId, order.BrokerId, order.UserId, order.Symbol,
            order.Side == Matching.Side.Buy ? Side.Buy : Side.Sell,
            OrdType.FromWire(((byte)order.OrderType).ToString(culture)),
            TimeInForce.FromWire(((byte)order.TimeInForce).ToString(culture)),
            OrdStatus.FromWire(((byte)order.Status).ToString(culture)),
            new Price(order.Price), new Price(order.StopPx), new Quantity(order.OrderQty), new Quantity(order.LeavesQty), new Quantity(order.CumQty),
            new Price(order.AvgPx), new Amount(order.Locked), order.IsWaitingForTrigger, order.PostOnly);
    }
}
