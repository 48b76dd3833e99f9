namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>The protocol-wide converter for <see cref="int"/>: accepts numbers, numeric strings and integral floats.</summary>
internal sealed class FlexibleInt32Converter : FlexibleIntegerConverter<int>;
