using System.Text.Json;
using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>
/// A withdrawal (PROTOCOL.md §2.7): a row of <see cref="WithdrawListResponse"/>, and the content of the
/// <see cref="WithdrawReport"/> messages (<see cref="WithdrawReport.Withdrawal"/>).
/// </summary>
public sealed record Withdrawal : ProtocolRecord
{
    /// <summary>Withdrawal id.</summary>
    public long? WithdrawID { get; init; }

    /// <summary>The user.</summary>
    public long? UserID { get; init; }

    /// <summary>Broker.</summary>
    public int? BrokerID { get; init; }

    /// <summary>The user's username.</summary>
    public string? Username { get; init; }

    /// <summary>Method, e.g. <c>bitcoin</c>, <c>PayPal</c>, <c>bradesco</c>.</summary>
    public string? Method { get; init; }

    /// <summary>Currency.</summary>
    public string? Currency { get; init; }

    /// <summary>Amount to send.</summary>
    public Amount? Amount { get; init; }

    /// <summary>Open-ended details: <c>Wallet</c> for crypto, bank fields for fiat; the server adds <c>Instant</c>, <c>Fees</c>, <c>TransactionID</c>…</summary>
    [JsonConverter(typeof(EncodedJsonElementConverter))]
    public JsonElement? Data { get; init; }

    /// <summary>Creation time.</summary>
    public DateTime? Created { get; init; }

    /// <summary>Status.</summary>
    public WithdrawStatus? Status { get; init; }

    /// <summary>Cancel reason code (-1 insufficient funds … -8 unconfirmed deposits).</summary>
    public int? ReasonID { get; init; }

    /// <summary>Cancel reason text.</summary>
    public string? Reason { get; init; }

    /// <summary>Percent fee (plain percent).</summary>
    public decimal? PercentFee { get; init; }

    /// <summary>Fixed fee.</summary>
    public Amount? FixedFee { get; init; }

    /// <summary>Amount debited, fees included.</summary>
    public Amount? PaidAmount { get; init; }

    /// <summary>Client reference given in the request.</summary>
    public string? ClOrdID { get; init; }

    /// <summary>Second factor needed to confirm (2016+; may be empty).</summary>
    public SecondFactorType? SecondFactorType { get; init; }
}
