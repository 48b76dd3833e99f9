using System.Text.Json.Serialization.Metadata;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// A list message whose rows are <typeparamref name="TRow"/>: its metadata gets a <c>Columns</c> member just before
/// the row group (the names of the columns any row has, in the row record's order) and the rows written as arrays in
/// that order, by <paramref name="columns"/>. Everything else (MsgType, the request id, Page, PageSize, other members
/// and their order) is the serializer's as before.
/// </summary>
/// <typeparam name="TRow">The row record.</typeparam>
internal sealed class RowGroupFormat<TRow>(string rowGroup, RecordColumns<TRow> columns) : ColumnarListFormat
    where TRow : ProtocolRecord
{
    private const string ColumnsProperty = "Columns";

    /// <inheritdoc />
    public override bool CanWrite(BlinkTradeMessage message, JsonTypeInfo messageTypeInfo)
    {
        if (message.ExtensionData is { Count: > 0 } || !columns.IsValid)
        {
            return false;
        }
        if (Group(messageTypeInfo).Get!(message) is not IReadOnlyList<TRow> rows)
        {
            return true;
        }
        for (var i = 0; i < rows.Count; i++)
        {
            if (RecordColumns<TRow>.HasExtensionData(rows[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <inheritdoc />
    public override void Modify(JsonTypeInfo typeInfo)
    {
        var group = Group(typeInfo);
        var getRows = group.Get!;
        // Through JsonMetadataServices (what the source generator emits), not CreateJsonPropertyInfo: no reflection.
        var names = JsonMetadataServices.CreatePropertyInfo(typeInfo.Options, new JsonPropertyInfoValues<IReadOnlyList<TRow>>
        {
            IsProperty = true,
            IsPublic = true,
            DeclaringType = typeInfo.Type,
            PropertyName = ColumnsProperty,
            Getter = message => (IReadOnlyList<TRow>?)getRows(message),
            Converter = new ColumnarRowsConverter<TRow>(columns, namesOnly: true),
        });
        names.Order = group.Order;
        group.CustomConverter = new ColumnarRowsConverter<TRow>(columns, namesOnly: false);
        typeInfo.Properties.Insert(typeInfo.Properties.IndexOf(group), names);
    }

    private JsonPropertyInfo Group(JsonTypeInfo typeInfo)
    {
        foreach (var property in typeInfo.Properties)
        {
            if (property.Name == rowGroup)
            {
                return property;
            }
        }
        throw new InvalidOperationException($"{typeInfo.Type.Name} has no row group '{rowGroup}'.");
    }
}
