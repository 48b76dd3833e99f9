using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>Direction of a ledger row.</summary>
/// <remarks>Unknown wire values are preserved (<see cref="IsKnown"/> is false) instead of failing the parse.</remarks>
[JsonConverter(typeof(WireEnumConverter<LedgerOperation>))]
public readonly partial record struct LedgerOperation : IWireEnum<LedgerOperation>
{
    /// <summary>Credit (wire <c>"C"</c>).</summary>
    public static LedgerOperation Credit { get; } = new("C");

    /// <summary>Debit (wire <c>"D"</c>).</summary>
    public static LedgerOperation Debit { get; } = new("D");
}
