using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>Execution type of an execution report (FIX tag 150).</summary>
/// <remarks>Unknown wire values are preserved (<see cref="IsKnown"/> is false) instead of failing the parse.</remarks>
[JsonConverter(typeof(WireEnumConverter<ExecType>))]
public readonly partial record struct ExecType : IWireEnum<ExecType>
{
    /// <summary>New (wire <c>"0"</c>).</summary>
    public static ExecType New { get; } = new("0");

    /// <summary>Partially filled (wire <c>"1"</c>).</summary>
    public static ExecType PartiallyFilled { get; } = new("1");

    /// <summary>Filled (wire <c>"2"</c>).</summary>
    public static ExecType Filled { get; } = new("2");

    /// <summary>Cancelled (wire <c>"4"</c>).</summary>
    public static ExecType Cancelled { get; } = new("4");

    /// <summary>Pending cancel (client-side only) (wire <c>"6"</c>).</summary>
    public static ExecType PendingCancel { get; } = new("6");

    /// <summary>Stopped (wire <c>"7"</c>).</summary>
    public static ExecType Stopped { get; } = new("7");

    /// <summary>Rejected (wire <c>"8"</c>).</summary>
    public static ExecType Rejected { get; } = new("8");

    /// <summary>Pending new (client-side only; the server never sends it) (wire <c>"A"</c>).</summary>
    public static ExecType PendingNew { get; } = new("A");
}
