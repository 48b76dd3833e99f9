using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Trading;

namespace BlinkTrade.Client;

/// <summary>
/// Client-side pre-trade checks of <see cref="IBlinkTradeClient.SendOrderAsync"/>, against the exchange's instrument
/// list (<c>x</c> → <c>y</c>, PROTOCOL.md §2.4): prices brought onto the quote currency's <c>Pip</c> grid (§5 G32),
/// the instrument's minimum quantity, and side / order-type sanity. On by default. A failed check throws
/// <see cref="PreTradeCheckException"/> before anything of the order is sent.
/// </summary>
/// <remarks>
/// The list is read (one <c>x</c> request) while a logged-in connection is restored — after the login, before
/// requests that waited for the connection go out — so the first order pays no extra round trip; it is cached for the
/// connection and read again after a reconnect. Should that read fail (or the session log in later), the first order
/// reads it. An order for a symbol the cached list does not know reads it once more (an instrument listed since)
/// before the order is refused. Turned off, orders go out as given and the exchange's own answer applies: an
/// off-pip price is floored there (so the report's <c>Price</c> may differ from the one sent), a quantity below the
/// minimum is rejected with an execution report (<c>OrdStatus</c> 8, <c>OrdRejReason</c> 3).
/// </remarks>
public sealed class PreTradeCheckOptions
{
    /// <summary>Whether orders are checked before they are sent; default <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>What happens to a <c>Price</c> or <c>StopPx</c> off the quote currency's <c>Pip</c> grid; default
    /// <see cref="PipRounding.NeverLooser"/> (rounded, never to a worse limit or an earlier trigger).</summary>
    public PipRounding PipRounding { get; set; } = PipRounding.NeverLooser;

    /// <summary>The minimum order quantity for an instrument whose list entry carries none (<c>MinQty</c> is the
    /// reference exchange's addition; BlinkTrade's servers document 0.0001 BTC, <c>Quantity.FromDecimal</c>
    /// <c>(0.0001m)</c>, without listing it); default <see langword="null"/>: no minimum is checked for such an
    /// instrument.</summary>
    public Quantity? DefaultMinimumQuantity { get; set; }
}
