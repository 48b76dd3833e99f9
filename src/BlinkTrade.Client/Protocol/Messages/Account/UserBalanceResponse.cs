using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>
/// <c>U3</c> UserBalanceResponse: balances by broker and currency (PROTOCOL.md §2.2). On the wire each broker is a
/// top-level key (<c>{"5": {"BTC": …, "BTC_locked": …}}</c>); it is modelled as <see cref="Balances"/>.
/// </summary>
/// <remarks>
/// The server also publishes <c>U3</c> unsolicited on every balance change: those have no <see cref="BalanceReqID"/>
/// and carry only the changed currencies (and parts) — merge them (<see cref="BrokerBalances.Apply"/>), do not replace.
/// </remarks>
[JsonConverter(typeof(UserBalanceResponseConverter))]
[MessageType(MessageTypes.BalanceResponse)]
public sealed partial record UserBalanceResponse : BlinkTradeMessage
{
    /// <summary>The request's correlation id; absent on unsolicited updates.</summary>
    public long? BalanceReqID { get; init; }

    /// <summary>The account the balances belong to.</summary>
    public long? ClientID { get; init; }

    /// <summary>Balances by broker id.</summary>
    public IReadOnlyDictionary<int, BrokerBalances> Balances { get; init; } = new Dictionary<int, BrokerBalances>();

    /// <summary>Whether this is an unsolicited update (a delta) rather than the answer to a request.</summary>
    [JsonIgnore]
    public bool IsUpdate => BalanceReqID is null;
}
