using System.Text.Json;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Testing.Gateway.Funding;

/// <summary>A withdrawal (§2.7): requested by U6, confirmed by U24, processed by the broker through the control API.</summary>
internal sealed class WithdrawRecord : FundingRecord
{
    public required long WithdrawId { get; init; }

    public required string Method { get; init; }

    public required long Amount { get; init; }

    public JsonElement? Data { get; init; }

    public long PaidAmount { get; init; }

    /// <summary>The emailed confirmation token (readable through the control API).</summary>
    public required string ConfirmationToken { get; init; }

    /// <summary>Comments the user added with U78, oldest first (readable through the control API).</summary>
    public List<string> Comments { get; } = [];

    /// <inheritdoc />
    public override long Sequence => WithdrawId;

    /// <summary>An empty JSON object: the <c>Data</c> of a withdrawal or deposit that has none.</summary>
    public static JsonElement EmptyObject { get; } = JsonDocument.Parse("{}").RootElement.Clone();

    /// <summary>The withdrawal as the protocol's record (U7, U9, U25, U71, a U27 row).</summary>
    public Withdrawal ToProtocol() => new()
    {
        WithdrawID = WithdrawId,
        UserID = UserId,
        BrokerID = BrokerId,
        Username = Username,
        Method = Method,
        Currency = Currency,
        Amount = Client.Protocol.Amount.FromSatoshis(Amount),
        Data = Data ?? EmptyObject,
        Created = Created.UtcDateTime,
        Status = WithdrawStatus.FromWire(Status),
        ReasonID = ReasonId,
        Reason = Reason,
        PercentFee = 0,
        FixedFee = Client.Protocol.Amount.FromSatoshis(0),
        PaidAmount = Client.Protocol.Amount.FromSatoshis(PaidAmount),
        ClOrdID = ClOrdId,
    };
}
