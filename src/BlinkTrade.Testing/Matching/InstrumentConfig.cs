namespace BlinkTrade.Testing.Matching;

/// <summary>Configuration of a tradable instrument.</summary>
/// <param name="Symbol">Symbol, for example <c>BTCUSD</c>.</param>
/// <param name="BaseCurrency">Quantity currency, for example <c>BTC</c>.</param>
/// <param name="QuoteCurrency">Price currency, for example <c>USD</c>.</param>
/// <param name="TickSize">Price increment in satoshis (the quote currency's <c>Pip</c>); prices off the tick are rejected.</param>
/// <param name="MinQuantity">Smallest order quantity in satoshis (BlinkTrade: 0.0001 BTC = 10000).</param>
internal sealed record InstrumentConfig(string Symbol, string BaseCurrency, string QuoteCurrency, long TickSize, long MinQuantity);
