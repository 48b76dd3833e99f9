using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>Deposit status (PROTOCOL.md §2.5, §5 G23).</summary>
/// <remarks>Unknown wire values are preserved (<see cref="IsKnown"/> is false) instead of failing the parse.</remarks>
[JsonConverter(typeof(WireEnumConverter<DepositStatus>))]
public readonly partial record struct DepositStatus : IWireEnum<DepositStatus>
{
    /// <summary>Created, awaiting payment (wire <c>"0"</c>).</summary>
    public static DepositStatus Created { get; } = new("0");

    /// <summary>The user confirmed payment; pending broker review (wire <c>"1"</c>).</summary>
    public static DepositStatus Confirmed { get; } = new("1");

    /// <summary>In progress (wire <c>"2"</c>).</summary>
    public static DepositStatus InProgress { get; } = new("2");

    /// <summary>Complete (credited) (wire <c>"4"</c>).</summary>
    public static DepositStatus Complete { get; } = new("4");

    /// <summary>Cancelled (wire <c>"8"</c>).</summary>
    public static DepositStatus Cancelled { get; } = new("8");
}
