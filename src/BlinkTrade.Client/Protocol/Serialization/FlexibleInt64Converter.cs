namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// The protocol-wide converter for <see cref="long"/>: ids and counters arrive as numbers or numeric strings
/// (PROTOCOL.md §0.2: MarketDepth, OrderID, ClientID…), and engine-2015 writes some integers as floats.
/// Written as JSON numbers.
/// </summary>
internal sealed class FlexibleInt64Converter : FlexibleIntegerConverter<long>;
