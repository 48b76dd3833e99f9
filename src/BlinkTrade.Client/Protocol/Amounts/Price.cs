using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>A price in units of the quote currency (e.g. USD per BTC). On the wire it is an integer scaled by 1e8 (satoshis).</summary>
/// <param name="Satoshis">The 1e8-scaled wire value.</param>
[JsonConverter(typeof(FixedPointJsonConverter<Price>))]
public readonly partial record struct Price(long Satoshis) : IComparable<Price>, IFixedPoint<Price>;
