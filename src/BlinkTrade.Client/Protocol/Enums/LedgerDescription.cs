using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>What a ledger row records (PROTOCOL.md §2.2).</summary>
/// <remarks>Unknown wire values are preserved (<see cref="IsKnown"/> is false) instead of failing the parse.</remarks>
[JsonConverter(typeof(WireEnumConverter<LedgerDescription>))]
public readonly record struct LedgerDescription : IWireEnum<LedgerDescription>
{
    private readonly string? _value;

    /// <summary>Wraps a raw wire value; prefer the named static values.</summary>
    /// <param name="value">The wire string.</param>
    public LedgerDescription(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

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

    /// <inheritdoc />
    public static WireEnumValues<LedgerDescription> Values { get; } = new(
        (Trade, nameof(Trade)),
        (TradeFee, nameof(TradeFee)),
        (Deposit, nameof(Deposit)),
        (DepositFee, nameof(DepositFee)),
        (Withdraw, nameof(Withdraw)),
        (WithdrawFee, nameof(WithdrawFee)),
        (WithdrawFeeRefund, nameof(WithdrawFeeRefund)),
        (Bonus, nameof(Bonus)),
        (MarketMakerPoints, nameof(MarketMakerPoints)));

    /// <summary>The raw wire value (empty for <see langword="default"/>).</summary>
    public string Value => _value ?? string.Empty;

    /// <inheritdoc />
    public bool IsKnown => Values.IsKnown(this);

    /// <inheritdoc />
    public static LedgerDescription FromWire(string value) => Values.TryGet(value, out var known) ? known : new(value);

    /// <summary>The value's name, or <c>Unknown(raw)</c>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Values.NameOf(this);
}
