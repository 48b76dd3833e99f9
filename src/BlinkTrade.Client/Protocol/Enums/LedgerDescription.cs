using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>What a ledger row records (PROTOCOL.md §2.2).</summary>
/// <remarks>Unknown wire values are preserved (<see cref="IsKnown"/> is false) instead of failing the parse.</remarks>
[JsonConverter(typeof(WireEnumConverter<LedgerDescription>))]
public readonly partial record struct LedgerDescription : IWireEnum<LedgerDescription>
{
    /// <summary>Trade (wire <c>"T"</c>).</summary>
    public static LedgerDescription Trade { get; } = new("T");

    /// <summary>Trade fee (wire <c>"TF"</c>).</summary>
    public static LedgerDescription TradeFee { get; } = new("TF");

    /// <summary>Deposit (wire <c>"D"</c>).</summary>
    public static LedgerDescription Deposit { get; } = new("D");

    /// <summary>Deposit fee (wire <c>"DF"</c>).</summary>
    public static LedgerDescription DepositFee { get; } = new("DF");

    /// <summary>Withdrawal (wire <c>"W"</c>).</summary>
    public static LedgerDescription Withdraw { get; } = new("W");

    /// <summary>Withdrawal fee (wire <c>"WF"</c>).</summary>
    public static LedgerDescription WithdrawFee { get; } = new("WF");

    /// <summary>Withdrawal fee refund (wire <c>"WFR"</c>).</summary>
    public static LedgerDescription WithdrawFeeRefund { get; } = new("WFR");

    /// <summary>Bonus (wire <c>"B"</c>).</summary>
    public static LedgerDescription Bonus { get; } = new("B");

    /// <summary>Market-maker points (wire <c>"P"</c>).</summary>
    public static LedgerDescription MarketMakerPoints { get; } = new("P");
}
