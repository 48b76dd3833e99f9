using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

// The wire fields, attributes and docs of this record are in Protocol/Dictionary/Messages.json.
public sealed partial record UserBalanceResponse
{
    /// <summary>Whether this is an unsolicited update (a delta) rather than the answer to a request.</summary>
    [JsonIgnore]
    public bool IsUpdate => BalanceReqID is null;
}
