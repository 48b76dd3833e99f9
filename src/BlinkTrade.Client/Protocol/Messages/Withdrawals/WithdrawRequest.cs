using System.Text.Json;
using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U6</c> WithdrawRequest: asks to withdraw funds (PROTOCOL.md §2.7).</summary>
[MessageType(MessageTypes.WithdrawRequest)]
public sealed partial record WithdrawRequest : BlinkTradeMessage
{
    /// <summary>Correlation id (positive integer) echoed in the <see cref="WithdrawResponse"/>.</summary>
    public long WithdrawReqID { get; init; }

    /// <summary>Currency.</summary>
    public required string Currency { get; init; }

    /// <summary>Amount (&gt; 0).</summary>
    public required Amount Amount { get; init; }

    /// <summary>Method; must exist in the broker's withdraw structure for the currency.</summary>
    public required string Method { get; init; }

    /// <summary>Method fields (<c>Wallet</c>, bank account…). Read from an object or a JSON-encoded string (§5 G36);
    /// always written as an object.</summary>
    [JsonConverter(typeof(EncodedJsonElementConverter))]
    public JsonElement? Data { get; init; }

    /// <summary>Client reference.</summary>
    public string? ClOrdID { get; init; }

    /// <summary>Broker.</summary>
    public int? BrokerID { get; init; }
}
