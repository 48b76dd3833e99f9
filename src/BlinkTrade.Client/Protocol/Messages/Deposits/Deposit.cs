using System.Text.Json;
using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>
/// A deposit (PROTOCOL.md §2.5): a row of <see cref="DepositListResponse"/>, and the content of
/// <see cref="DepositResponse"/> / <see cref="DepositRefresh"/> (<see cref="DepositReport.Deposit"/>).
/// </summary>
public sealed record Deposit : ProtocolRecord
{
    /// <summary>Deposit id (32-hex uuid); <c>"-1"</c> in a not-found <c>U19</c>.</summary>
    public string? DepositID { get; init; }

    /// <summary>The fiat deposit method, or <see langword="null"/> for crypto deposits.</summary>
    public int? DepositMethodID { get; init; }

    /// <summary>Method name, e.g. <c>deposit_btc</c>, <c>wire_transfer_usa</c>.</summary>
    public string? DepositMethodName { get; init; }

    /// <summary>The user who created the deposit.</summary>
    public long? UserID { get; init; }

    /// <summary>The credited account.</summary>
    public long? AccountID { get; init; }

    /// <summary>Broker.</summary>
    public int? BrokerID { get; init; }

    /// <summary>The user's username.</summary>
    public string? Username { get; init; }

    /// <summary>Broker reference number.</summary>
    public long? ControlNumber { get; init; }

    /// <summary>Method type: <c>CRY</c> crypto, fiat types such as <c>DTP</c>.</summary>
    public string? Type { get; init; }

    /// <summary>Currency.</summary>
    public string? Currency { get; init; }

    /// <summary>Declared value.</summary>
    public Amount? Value { get; init; }

    /// <summary>Value credited.</summary>
    public Amount? PaidValue { get; init; }

    /// <summary>Open-ended details; for crypto <c>InputAddress</c> (the address to pay), later <c>InputTransactionHash</c>, <c>Confirmations</c>…</summary>
    [JsonConverter(typeof(EncodedJsonElementConverter))]
    public JsonElement? Data { get; init; }

    /// <summary>Creation time.</summary>
    public DateTime? Created { get; init; }

    /// <summary>Status.</summary>
    public DepositStatus? Status { get; init; }

    /// <summary>Reason code (cancellations).</summary>
    public int? ReasonID { get; init; }

    /// <summary>Reason text.</summary>
    public string? Reason { get; init; }

    /// <summary>Percent fee (plain percent: 1 = 1 %).</summary>
    public decimal? PercentFee { get; init; }

    /// <summary>Fixed fee.</summary>
    public Amount? FixedFee { get; init; }

    /// <summary>Client reference given in the request.</summary>
    public string? ClOrdID { get; init; }

    /// <summary>Platform state, e.g. <c>UNCONFIRMED</c> (2016+).</summary>
    public string? State { get; init; }

    /// <summary>Instant credit already provided (2016+).</summary>
    public Amount? CreditProvided { get; init; }
}
