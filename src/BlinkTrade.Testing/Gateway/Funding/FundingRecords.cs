using System.Buffers;
using System.Text.Json;
using Protocol = BlinkTrade.Client.Protocol;

namespace BlinkTrade.Testing.Gateway.Funding;

/// <summary>The exchange's deposit and withdrawal records as the SDK's row records (<c>U23</c>, <c>U9</c> and the replies that carry them).</summary>
internal static class FundingRecords
{
    private static readonly JsonElement EmptyObject = Parse("{}"u8);

    /// <summary>The deposit as the SDK's <see cref="Protocol.Deposit"/> (no fees charged yet: both 0).</summary>
    public static Protocol.Deposit ToProtocol(this DepositRecord d) => new()
    {
        DepositID = d.DepositId,
        DepositMethodID = d.DepositMethodId,
        DepositMethodName = d.DepositMethodName,
        UserID = d.UserId,
        AccountID = d.UserId,
        BrokerID = d.BrokerId,
        Username = d.Username,
        Type = d.Type,
        Currency = d.Currency,
        Value = Protocol.Amount.FromSatoshis(d.Value),
        PaidValue = Protocol.Amount.FromSatoshis(d.PaidValue),
        Data = d.InputAddress is { } address ? InputAddress(address) : EmptyObject,
        Created = d.Created.UtcDateTime,
        Status = Protocol.DepositStatus.FromWire(d.Status),
        ReasonID = d.ReasonId,
        Reason = d.Reason,
        PercentFee = 0m,
        FixedFee = Protocol.Amount.Zero,
        ClOrdID = d.ClOrdId,
    };

    /// <summary>The withdrawal as the SDK's <see cref="Protocol.Withdrawal"/> (no fees charged yet: both 0).</summary>
    public static Protocol.Withdrawal ToProtocol(this WithdrawRecord r) => new()
    {
        WithdrawID = r.WithdrawId,
        UserID = r.UserId,
        BrokerID = r.BrokerId,
        Username = r.Username,
        Method = r.Method,
        Currency = r.Currency,
        Amount = Protocol.Amount.FromSatoshis(r.Amount),
        Data = r.Data ?? EmptyObject,
        Created = r.Created.UtcDateTime,
        Status = Protocol.WithdrawStatus.FromWire(r.Status),
        ReasonID = r.ReasonId,
        Reason = r.Reason,
        PercentFee = 0m,
        FixedFee = Protocol.Amount.Zero,
        PaidAmount = Protocol.Amount.FromSatoshis(r.PaidAmount),
        ClOrdID = r.ClOrdId,
    };

    private static JsonElement InputAddress(string address)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("InputAddress", address);
            writer.WriteEndObject();
        }
        return Parse(buffer.WrittenSpan);
    }

    private static JsonElement Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        return JsonElement.ParseValue(ref reader);
    }
}
