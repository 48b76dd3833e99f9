using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>Execution instruction (FIX tag 18).</summary>
/// <remarks>Unknown wire values are preserved (<see cref="IsKnown"/> is false) instead of failing the parse.</remarks>
[JsonConverter(typeof(WireEnumConverter<ExecInst>))]
public readonly partial record struct ExecInst : IWireEnum<ExecInst>
{
    /// <summary>Participate, don't initiate (post-only): rejected if it would take liquidity (wire <c>"6"</c>).</summary>
    public static ExecInst PostOnly { get; } = new("6");
}
