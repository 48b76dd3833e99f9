using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>A quantity of the base currency (e.g. BTC). On the wire it is an integer scaled by 1e8 (satoshis).</summary>
/// <param name="Satoshis">The 1e8-scaled wire value.</param>
[JsonConverter(typeof(FixedPointJsonConverter<Quantity>))]
public readonly partial record struct Quantity(long Satoshis) : IComparable<Quantity>, IFixedPoint<Quantity>
{
    /// <summary>The notional of this quantity at <paramref name="price"/>: <c>floor(price × quantity / 1e8)</c>, the quote amount BlinkTrade settles.</summary>
    /// <param name="price">The price.</param>
    /// <returns>The quote-currency amount.</returns>
    /// <exception cref="OverflowException">The notional does not fit in 64 bits.</exception>
    public Amount NotionalAt(Price price) => new(FixedPoint8.Notional(price.Satoshis, Satoshis));
}
