using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>An amount of some currency: a balance, a fee, a volume, a deposit or withdrawal value. On the wire it is an integer scaled by 1e8 (satoshis).</summary>
/// <param name="Satoshis">The 1e8-scaled wire value.</param>
[JsonConverter(typeof(FixedPointJsonConverter<Amount>))]
public readonly partial record struct Amount(long Satoshis) : IComparable<Amount>, IFixedPoint<Amount>;
