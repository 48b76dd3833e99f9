using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

// The wire fields, attributes and docs of this record are in Protocol/Dictionary/Messages.json.
public sealed partial record DepositMethodResponse
{
    /// <summary>Whether this is the "not found" answer.</summary>
    public bool IsNotFound => DepositMethod.DepositMethodID == -1;
}
