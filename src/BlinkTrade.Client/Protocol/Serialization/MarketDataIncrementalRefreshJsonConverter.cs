using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using static BlinkTrade.Client.Protocol.Serialization.ConverterHelpers;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// Hand-written converter for <see cref="MarketDataIncrementalRefresh"/> (the market-data stream): entries are read by
/// <see cref="MarketDataEntryJsonConverter"/> into a stack buffer (a pooled one beyond 16) and stored as an exact-size array.
/// Same tolerance and byte-identical output as the source-generated path.
/// </summary>
internal sealed class MarketDataIncrementalRefreshJsonConverter : JsonConverter<MarketDataIncrementalRefresh>, IWireObjectReader<MarketDataIncrementalRefresh>
{
    private static readonly MarketDataEntryJsonConverter EntryConverter = new();

    private enum Field
    {
        MsgType,
        MDReqID,
        MDBkTyp,
        MDIncGrp,
    }

    private static readonly WireNameTable Names = new(System.Enum.GetNames<Field>());

    /// <summary>A JSON <c>null</c> where the object is expected is an error.</summary>
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override MarketDataIncrementalRefresh Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => JsonReaderSource.Read<MarketDataIncrementalRefreshJsonConverter, MarketDataIncrementalRefresh>(ref reader, options);

    /// <inheritdoc />
    public static MarketDataIncrementalRefresh Read<TSource>(ref TSource source)
        where TSource : IWireSource, allows ref struct
    {
        source.StartObject(typeof(MarketDataIncrementalRefresh));
        long mdReqId = 0;
        MarketDataBookType? bookType = null;
        MarketDataEntry[]? entries = null;
        WireExtensionFields unknown = default;
        while (source.Next(Names, out var field))
        {
            switch ((Field)field)
            {
                case Field.MsgType: source.Skip(); break;
                case Field.MDReqID: mdReqId = source.Int64(); break;
                case Field.MDBkTyp: bookType = source.NullableEnum<MarketDataBookType>(); break;
                case Field.MDIncGrp: entries = ReadEntries(ref source); break;
                default: source.KeepUnknown(ref unknown); break;
            }
        }
        return new MarketDataIncrementalRefresh
        {
            MDReqID = mdReqId,
            MDBkTyp = bookType,
            MDIncGrp = entries,
            WireExtension = unknown.Value,
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
        WriteExtension(writer, value);
        writer.WriteEndObject();
    }

    /// <summary>Reads an array of entries (null → null); the result is an exact-size array.</summary>
    internal static MarketDataEntry[]? ReadEntries<TSource>(ref TSource source)
        where TSource : IWireSource, allows ref struct
    {
        if (!source.StartArray())
        {
            return null;
        }
        // An X carries a few entries and a W one per resting order of its depth: the first InlineEntries stay on the
        // stack, a larger group spills into a pooled buffer; either way the only array allocated is the exact-size result.
        var inline = new EntryBuffer();
        Span<MarketDataEntry> entries = inline;
        MarketDataEntry[]? pooled = null;
        var count = 0;
        try
        {
            while (source.NextElement())
            {
                if (count == entries.Length)
                {
                    var larger = ArrayPool<MarketDataEntry>.Shared.Rent(entries.Length * 2);
                    entries.CopyTo(larger);
                    if (pooled is not null)
                    {
                        ArrayPool<MarketDataEntry>.Shared.Return(pooled, clearArray: true);
                    }
                    pooled = larger;
                    entries = larger;
                }
                entries[count++] = MarketDataEntryJsonConverter.Read(ref source);
            }
            return count == 0 ? [] : entries[..count].ToArray();
        }
        finally
        {
            if (pooled is not null)
            {
                ArrayPool<MarketDataEntry>.Shared.Return(pooled, clearArray: true);
            }
        }
    }

    private const int InlineEntries = 16;

    [InlineArray(InlineEntries)]
    private struct EntryBuffer
    {
        private MarketDataEntry _first;
    }
}
