using System.Globalization;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Quickstart.View;

/// <summary>How amounts are written: invariant culture (a dot, whatever the machine's locale), prices and money with
/// at least two decimals, quantities with at least three decimals (aligned columns).</summary>
internal static class Formats
{
    private const string MoneyFormat = "0.00######";
    private const string QuantityFormat = "0.000#####";

    /// <summary>A price, e.g. <c>620.10</c>.</summary>
    /// <param name="price">The price.</param>
    /// <returns>The text.</returns>
    public static string Of(Price price) => price.ToDecimal().ToString(MoneyFormat, CultureInfo.InvariantCulture);

    /// <summary>A price or <c>-</c>.</summary>
    /// <param name="price">The price.</param>
    /// <returns>The text.</returns>
    public static string Of(Price? price) => price is { } p ? Of(p) : "-";

    /// <summary>A ticker price, or <c>-</c> when missing or zero (servers send 0 for "no trade yet" and for an empty side).</summary>
    /// <param name="price">The price.</param>
    /// <returns>The text.</returns>
    public static string OfTicker(Price? price) => price is { Satoshis: not 0 } p ? Of(p) : "-";

    /// <summary>A quantity, e.g. <c>0.5</c>.</summary>
    /// <param name="quantity">The quantity.</param>
    /// <returns>The text.</returns>
    public static string Of(Quantity quantity) => quantity.ToDecimal().ToString(QuantityFormat, CultureInfo.InvariantCulture);

    /// <summary>A quantity or <c>-</c>.</summary>
    /// <param name="quantity">The quantity.</param>
    /// <returns>The text.</returns>
    public static string Of(Quantity? quantity) => quantity is { } q ? Of(q) : "-";

    /// <summary>A balance amount or <c>-</c>; fiat with two decimals, crypto with up to eight.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="isFiat">Whether the currency is fiat.</param>
    /// <returns>The text.</returns>
    public static string Of(Amount? amount, bool isFiat) =>
        amount is { } a ? a.ToDecimal().ToString(isFiat ? MoneyFormat : QuantityFormat, CultureInfo.InvariantCulture) : "-";
}
