using System.Text;
using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

// The wire fields, attributes and docs of this record are in Protocol/Dictionary/Messages.json.
public sealed partial record PositionResponse
{
    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => RecordText.Print(builder, base.PrintMembers(builder),
        (nameof(PositionReqID), PositionReqID), (nameof(ClientID), ClientID),
        (nameof(Positions), RecordText.Map(Positions?.Select(static b => KeyValuePair.Create(b.Key, RecordText.Map(b.Value))))));
}
