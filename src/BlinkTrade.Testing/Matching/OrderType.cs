namespace BlinkTrade.Testing.Matching;

/// <summary>Order type. The numeric values equal the wire codes of <c>OrdType</c>.</summary>
internal enum OrderType : byte
{
    /// <summary>Market (<c>"1"</c>): immediate-or-cancel at any price, a buy is capped per fill by available funds.</summary>
    Market = 1,

    /// <summary>Limit (<c>"2"</c>).</summary>
    Limit = 2,

    /// <summary>Stop (<c>"3"</c>): hidden until the last trade price reaches <c>StopPx</c>, then a market order.</summary>
    Stop = 3,

    /// <summary>Stop-limit (<c>"4"</c>): hidden until the last trade price reaches <c>StopPx</c>, then a limit order at <c>Price</c>.</summary>
    StopLimit = 4,
}
