using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using static BlinkTrade.Client.Protocol.Serialization.ConverterHelpers;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// Hand-written converter for <see cref="MarketDataIncrementalRefresh"/> (the market-data stream): entries are read by
/// <see cref="MarketDataEntryJsonConverter"/> into a pooled buffer and stored as an exact-size array.
/// Same tolerance and byte-identical output as the source-generated path.
/// </summary>
internal sealed class MarketDataIncrementalRefreshJsonConverter : JsonConverter<MarketDataIncrementalRefresh>
{
    private static readonly MarketDataEntryJsonConverter EntryConverter = new();

    /// <summary>A JSON <c>null</c> where the object is expected is an error.</summary>
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override MarketDataIncrementalRefresh Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        ExpectStartObject(ref reader, typeof(MarketDataIncrementalRefresh));
        long mdReqId = 0;
        MarketDataBookType? bookType = null;
        MarketDataEntry[]? entries = null;
        var properties = new JsonPropertyCursor();
        while (properties.MoveNext(ref reader))
        {
            switch (properties.Name)
            {
                case "MsgType": reader.Skip(); break;
                case "MDReqID": mdReqId = Int64(ref reader); break;
                case "MDBkTyp": bookType = NullableEnum<MarketDataBookType>(ref reader); break;
                case "MDIncGrp": entries = ReadEntries(ref reader, options); break;
                default: properties.KeepUnknown(ref reader); break;
            }
        }
        return new MarketDataIncrementalRefresh
        {
            MDReqID = mdReqId,
            MDBkTyp = bookType,
            MDIncGrp = entries,
            ExtensionData = properties.Unknown,
        };
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, MarketDataIncrementalRefresh value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }
        writer.WriteStartObject();
        writer.WriteString("MsgType"u8, value.MsgType);
        writer.WriteNumber("MDReqID"u8, value.MDReqID);
        if (value.MDBkTyp is { } bookType)
        {
            writer.WriteString("MDBkTyp"u8, bookType.Value);
        }
        if (value.MDIncGrp is { } entries)
        {
            writer.WriteStartArray("MDIncGrp"u8);
            // Indexed: a foreach over the interface would allocate an enumerator per frame (the exchange writes one X per subscriber).
            for (var i = 0; i < entries.Count; i++)
            {
                EntryConverter.Write(writer, entries[i], options);
            }
            writer.WriteEndArray();
        }
        WriteExtension(writer, value.ExtensionData);
        writer.WriteEndObject();
    }

    /// <summary>Reads an array of entries (null → null); the result is an exact-size array.</summary>
    internal static MarketDataEntry[]? ReadEntries(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected an array of market-data entries, got {reader.TokenType}.");
        }
        if (!reader.Read())
        {
            throw new JsonException("Unexpected end of data.");
        }
        if (reader.TokenType == JsonTokenType.EndArray)
        {
            return [];
        }
        // Most X frames carry one or two entries: those stay in locals, no pooled buffer.
        var first = EntryConverter.Read(ref reader, typeof(MarketDataEntry), options);
        if (!reader.Read())
        {
            throw new JsonException("Unexpected end of data.");
        }
        if (reader.TokenType == JsonTokenType.EndArray)
        {
            return [first];
        }
        var second = EntryConverter.Read(ref reader, typeof(MarketDataEntry), options);
        if (!reader.Read())
        {
            throw new JsonException("Unexpected end of data.");
        }
        if (reader.TokenType == JsonTokenType.EndArray)
        {
            return [first, second];
        }
        var pool = ArrayPool<MarketDataEntry>.Shared;
        var rented = pool.Rent(16);
        rented[0] = first;
        rented[1] = second;
        var count = 2;
        var pending = true; // the reader is on the third entry's start
        try
        {
            while (true)
            {
                if (!pending && !reader.Read())
                {
                    throw new JsonException("Unexpected end of data.");
                }
                pending = false;
                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    break;
                }
                if (count == rented.Length)
                {
                    var larger = pool.Rent(rented.Length * 2);
                    rented.AsSpan(0, count).CopyTo(larger);
                    pool.Return(rented, clearArray: true);
                    rented = larger;
                }
                rented[count++] = EntryConverter.Read(ref reader, typeof(MarketDataEntry), options);
            }
            return rented.AsSpan(0, count).ToArray();
        }
        finally
        {
            pool.Return(rented, clearArray: true);
        }
    }
}
