using System.Text.Json.Serialization.Metadata;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>How one MsgType maps to its record.</summary>
/// <param name="MsgType">The wire MsgType.</param>
/// <param name="TypeInfo">The source-generated metadata of the record.</param>
/// <param name="RowGroup">
/// For column-oriented list responses, the name of the rows property (e.g. <c>OrdListGrp</c>): on the wire it is an
/// array of arrays described by a sibling <c>Columns</c> array; the record models it as an array of row objects.
/// </param>
internal sealed record MessageDescriptor(string MsgType, JsonTypeInfo TypeInfo, string? RowGroup = null)
{
    /// <summary>The record type.</summary>
    public Type Type => TypeInfo.Type;
}
