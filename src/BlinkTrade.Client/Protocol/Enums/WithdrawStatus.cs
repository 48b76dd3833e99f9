using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>Withdrawal status (PROTOCOL.md §2.7).</summary>
/// <remarks>Unknown wire values are preserved (<see cref="IsKnown"/> is false) instead of failing the parse.</remarks>
[JsonConverter(typeof(WireEnumConverter<WithdrawStatus>))]
public readonly partial record struct WithdrawStatus : IWireEnum<WithdrawStatus>
{
    /// <summary>Unconfirmed: awaiting email token or second factor (wire <c>"0"</c>).</summary>
    public static WithdrawStatus Unconfirmed { get; } = new("0");

    /// <summary>Confirmed, waiting for the broker (wire <c>"1"</c>).</summary>
    public static WithdrawStatus Pending { get; } = new("1");

    /// <summary>In progress (funds debited) (wire <c>"2"</c>).</summary>
    public static WithdrawStatus InProgress { get; } = new("2");

    /// <summary>Complete (wire <c>"4"</c>).</summary>
    public static WithdrawStatus Complete { get; } = new("4");

    /// <summary>Cancelled (wire <c>"8"</c>).</summary>
    public static WithdrawStatus Cancelled { get; } = new("8");
}
