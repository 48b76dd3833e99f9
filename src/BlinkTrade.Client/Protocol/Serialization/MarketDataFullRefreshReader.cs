using System.Text.Json;
using static BlinkTrade.Client.Protocol.Serialization.ConverterHelpers;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// The <c>W</c> snapshot read in one pass without the serializer's metadata path, the entries by
/// <see cref="MarketDataEntryJsonConverter"/> into an exact-size array (the serializer grows a list). Builds the same
/// record as the source-generated deserializer (unknown fields in <see cref="ProtocolRecord.ExtensionData"/>); it is
/// only called by <see cref="ProtocolSerializer"/>, which hands any frame it throws on to that deserializer, so errors
/// are reported as always. Writing stays with the source-generated serializer.
/// </summary>
internal static class MarketDataFullRefreshReader
{
    /// <summary>Reads the object the reader is on (left on its end).</summary>
    /// <exception cref="JsonException">Anything not as expected.</exception>
    public static MarketDataFullRefresh Read(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        ExpectStartObject(ref reader, typeof(MarketDataFullRefresh));
        long mdReqId = 0;
        string? symbol = null;
        int? marketDepth = null;
        MarketDataEntry[]? entries = null;
        var properties = new JsonPropertyCursor();
        while (properties.MoveNext(ref reader))
        {
            switch (properties.Name)
            {
                case "MsgType": reader.Skip(); break;
                case "MDReqID": mdReqId = Int64(ref reader); break;
                case "Symbol": symbol = RepeatedString(ref reader); break;
                case "MarketDepth": marketDepth = NullableInt32(ref reader); break;
                case "MDFullGrp": entries = MarketDataIncrementalRefreshJsonConverter.ReadEntries(ref reader, options); break;
                default: properties.KeepUnknown(ref reader); break;
            }
        }
        return new MarketDataFullRefresh
        {
            MDReqID = mdReqId,
            Symbol = symbol,
            MarketDepth = marketDepth,
            MDFullGrp = entries,
            ExtensionData = properties.Unknown,
        };
    }
}
