using System.Text.Json;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// The <c>W</c> snapshot read in one pass without the serializer's metadata path, the entries by
/// <see cref="MarketDataEntryJsonConverter"/> into an exact-size array (the serializer grows a list). Builds the same
/// record as the source-generated deserializer (unknown fields in <see cref="ProtocolRecord.ExtensionData"/>); it is
/// only called by <see cref="ProtocolSerializer"/>, which hands any frame it throws on to that deserializer, so errors
/// are reported as always. Writing stays with the source-generated serializer.
/// </summary>
internal sealed class MarketDataFullRefreshReader : IWireObjectReader<MarketDataFullRefresh>
{
    private enum Field
    {
        MsgType,
        MDReqID,
        Symbol,
        MarketDepth,
        MDFullGrp,
    }

    private static readonly WireNameTable Names = new(Enum.GetNames<Field>());

    private MarketDataFullRefreshReader()
    {
    }

    /// <inheritdoc />
    /// <exception cref="JsonException">Anything not as expected (from <see cref="JsonReaderSource"/>).</exception>
    public static MarketDataFullRefresh Read<TSource>(ref TSource source)
        where TSource : IWireSource, allows ref struct
    {
        source.StartObject(typeof(MarketDataFullRefresh));
        long mdReqId = 0;
        string? symbol = null;
        int? marketDepth = null;
        MarketDataEntry[]? entries = null;
        WireExtensionFields unknown = default;
        while (source.Next(Names, out var field))
        {
            switch ((Field)field)
            {
                case Field.MsgType: source.Skip(); break;
                case Field.MDReqID: mdReqId = source.Int64(); break;
                case Field.Symbol: symbol = source.RepeatedString(); break;
                case Field.MarketDepth: marketDepth = source.NullableInt32(); break;
                case Field.MDFullGrp: entries = MarketDataIncrementalRefreshJsonConverter.ReadEntries(ref source); break;
                default: source.KeepUnknown(ref unknown); break;
            }
        }
        return new MarketDataFullRefresh
        {
            MDReqID = mdReqId,
            Symbol = symbol,
            MarketDepth = marketDepth,
            MDFullGrp = entries,
            WireExtension = unknown.Value,
        };
    }
}
