using System.Globalization;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Trading;

/// <summary>
/// The pre-trade checks of one order (<see cref="PreTradeCheckOptions"/>) on its wire record: the checks that need
/// no instrument (<see cref="CheckShape"/>), then the instrument's pip and minimum (<see cref="Apply"/>), which
/// returns the order as it goes out. Pure: no I/O, nothing sent.
/// </summary>
internal static class PreTradeChecker
{
    /// <summary>Side, order type and post-only: what the exchange accepts (PROTOCOL.md §2.3, §3.4).</summary>
    /// <exception cref="PreTradeCheckException">The order is not one the exchange executes.</exception>
    public static void CheckShape(NewOrderSingle order)
    {
        if (order.Side != Side.Buy && order.Side != Side.Sell)
        {
            throw Fail(PreTradeCheckFailure.InvalidSide, order, "Side", $"Side \"{order.Side.Value}\" is neither buy (1) nor sell (2)");
        }
        if (order.OrdType != OrdType.Market && order.OrdType != OrdType.Limit && order.OrdType != OrdType.Stop && order.OrdType != OrdType.StopLimit)
        {
            throw Fail(PreTradeCheckFailure.UnsupportedOrderType, order, "OrdType", $"OrdType \"{order.OrdType.Value}\" is not market, limit, stop or stop-limit");
        }
        if (order.ExecInst == ExecInst.PostOnly && order.OrdType != OrdType.Limit)
        {
            throw Fail(PreTradeCheckFailure.PostOnlyNotLimit, order, "ExecInst", $"post-only is for limit orders only, not {order.OrdType}");
        }
    }

    /// <summary>Brings <c>Price</c> and <c>StopPx</c> onto the pip grid (or refuses them off it) and checks the minimum.</summary>
    /// <returns>The order to send: the same record when nothing changed.</returns>
    /// <exception cref="PreTradeCheckException">A check failed.</exception>
    public static NewOrderSingle Apply(NewOrderSingle order, InstrumentRules rules, PipRounding rounding)
    {
        var buy = order.Side == Side.Buy;
        var result = order;
        if (order.Price is { } price)
        {
            // A limit: a buy's rounds down, a sell's up — never a worse price than asked.
            var rounded = OnGrid(order, "Price", price.Satoshis, rules.Pip, roundUp: !buy, rounding);
            result = rounded == price.Satoshis ? result : result with { Price = new Price(rounded) };
        }
        if (order.StopPx is { } stop)
        {
            // A trigger: a buy stop's rounds up, a sell stop's down — never triggered before the asked price is reached.
            var rounded = OnGrid(order, "StopPx", stop.Satoshis, rules.Pip, roundUp: buy, rounding);
            result = rounded == stop.Satoshis ? result : result with { StopPx = new Price(rounded) };
        }
        if (rules.MinQuantity is { } minimum && order.OrderQty.Satoshis < minimum)
        {
            throw Fail(PreTradeCheckFailure.QuantityBelowMinimum, order, "OrderQty",
                $"OrderQty {order.OrderQty} is below the minimum of {new Quantity(minimum)}");
        }
        return result;
    }

    /// <summary>The unknown-symbol failure.</summary>
    public static PreTradeCheckException UnknownSymbol(NewOrderSingle order)
        => Fail(PreTradeCheckFailure.UnknownSymbol, order, "Symbol", "the exchange does not list it");

    /// <summary>The instrument list the checks need could not be had: not answered in time, the connection lost, or
    /// refused by the exchange.</summary>
    public static PreTradeCheckException InstrumentsUnavailable(NewOrderSingle order, Exception cause)
        => new(PreTradeCheckFailure.InstrumentsUnavailable, order.Symbol, null,
            $"Order {order.ClOrdID ?? "(new)"} on {order.Symbol} was not sent: " + cause switch
            {
                // A network fault, not a server without the list: the advice is to send again, not to turn checks off.
                Requests.BlinkTradeTimeoutException or Transport.ConnectionClosedException =>
                    $"the instrument list the pre-trade checks need did not arrive ({cause.Message}); send it again once the connection is up.",
                _ => $"the exchange refused the instrument list the pre-trade checks need ({cause.Message}); "
                    + "turn BlinkTradeClientOptions.PreTradeChecks.Enabled off for a server without one.",
            }, cause);

    private static long OnGrid(NewOrderSingle order, string field, long value, long pip, bool roundUp, PipRounding rounding)
    {
        var remainder = value % pip;
        if (remainder == 0)
        {
            return value;
        }
        if (rounding == PipRounding.Reject)
        {
            throw Fail(PreTradeCheckFailure.PriceOffPip, order, field, $"{field} {new Price(value)} is not a multiple of the pip {new Price(pip)}");
        }
        var down = value - remainder;
        if (!roundUp)
        {
            return down > 0 ? down : throw Fail(PreTradeCheckFailure.PriceBelowPip, order, field,
                $"{field} {new Price(value)} is below the pip {new Price(pip)}: rounded down it would be zero");
        }
        return down <= long.MaxValue - pip ? down + pip : throw Fail(PreTradeCheckFailure.PriceOffPip, order, field,
            $"{field} {new Price(value)} cannot be rounded up to the pip {new Price(pip)}");
    }

    private static PreTradeCheckException Fail(PreTradeCheckFailure failure, NewOrderSingle order, string field, string what)
        => new(failure, order.Symbol, field, string.Create(CultureInfo.InvariantCulture,
            $"Order {order.ClOrdID ?? "(new)"} on {order.Symbol} was not sent: {what}."));
}
