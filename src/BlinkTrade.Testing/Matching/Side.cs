namespace BlinkTrade.Testing.Matching;

/// <summary>Order side. The numeric values equal the FIX/BlinkTrade wire codes (<c>"1"</c> buy, <c>"2"</c> sell).</summary>
internal enum Side : byte
{
    /// <summary>Buy: pays the quote currency, receives the base currency.</summary>
    Buy = 1,

    /// <summary>Sell: pays the base currency, receives the quote currency.</summary>
    Sell = 2,
}
