using System.Buffers;
using System.Text.Json;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Testing.Gateway.Funding;

/// <summary>A deposit (§2.5): created by U18, confirmed or cancelled by the broker through the control API.</summary>
internal sealed class DepositRecord : FundingRecord
{
    public required string DepositId { get; init; }

    /// <summary>The numeric id the ledger references.</summary>
    public required long LedgerReference { get; init; }

    public int? DepositMethodId { get; init; }

    public required string DepositMethodName { get; init; }

    public required string Type { get; init; }

    public long Value { get; set; }

    public long PaidValue { get; set; }

    public string? InputAddress { get; init; }

    /// <summary>The new orders U18's <c>Instructions</c> asked for, placed for the owner when the deposit completes.</summary>
    public IReadOnlyList<Trading.NewOrderFields> Instructions { get; set; } = [];

    /// <inheritdoc />
    public override long Sequence => LedgerReference;

    private JsonElement? _data;

    /// <summary>The deposit's <c>Data</c>: its <c>InputAddress</c> when it has one (built once: lists write it per row).</summary>
    public JsonElement Data => _data ??= InputAddress is { } address ? AddressData(address) : WithdrawRecord.EmptyObject;

    private static JsonElement AddressData(string address)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("InputAddress", address);
            writer.WriteEndObject();
        }
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    /// <summary>The deposit as the protocol's record (U19, U23, a U31 row).</summary>
    public Deposit ToProtocol() => new()
    {
        DepositID = DepositId,
        DepositMethodID = DepositMethodId,
        DepositMethodName = DepositMethodName,
        UserID = UserId,
        AccountID = UserId,
        BrokerID = BrokerId,
        Username = Username,
        Type = Type,
        Currency = Currency,
        Value = Amount.FromSatoshis(Value),
        PaidValue = Amount.FromSatoshis(PaidValue),
        Data = Data,
        Created = Created.UtcDateTime,
        Status = DepositStatus.FromWire(Status),
        ReasonID = ReasonId,
        Reason = Reason,
        PercentFee = 0,
        FixedFee = Amount.FromSatoshis(0),
        ClOrdID = ClOrdId,
    };
}
