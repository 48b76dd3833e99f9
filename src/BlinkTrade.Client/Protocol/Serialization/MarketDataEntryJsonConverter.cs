using System.Text.Json;
using System.Text.Json.Serialization;
using static BlinkTrade.Client.Protocol.Serialization.ConverterHelpers;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// Hand-written converter for <see cref="MarketDataEntry"/> (every entry of <c>W</c> and <c>X</c>), for the same reasons
/// and with the same guarantees as <see cref="ExecutionReportJsonConverter"/>. <c>Symbol</c> and <c>Broker</c> come from a
/// small string cache. Per-currency keys of volume entries go to <see cref="ProtocolRecord.ExtensionData"/>.
/// </summary>
internal sealed class MarketDataEntryJsonConverter : JsonConverter<MarketDataEntry>, IWireObjectReader<MarketDataEntry>
{
    /// <summary>A JSON <c>null</c> where an object is expected (e.g. <c>[null]</c> in an entry group) is an error, not a null element.</summary>
    public override bool HandleNull => true;

    // The fields in the order of the record; their names are the wire names.
    private enum Field
    {
        MDUpdateAction,
        MDEntryType,
        Symbol,
        MDEntryPositionNo,
        MDEntryID,
        MDEntryPx,
        MDEntrySize,
        MDEntryDate,
        MDEntryTime,
        OrderID,
        UserID,
        Broker,
        Username,
        TradeID,
        Side,
        SecondaryOrderID,
        MDEntryBuyerID,
        MDEntrySellerID,
        MDEntryBuyer,
        MDEntrySeller,
    }

    private static readonly WireNameTable Names = new(System.Enum.GetNames<Field>());

    /// <inheritdoc />
    public override MarketDataEntry Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => JsonReaderSource.Read<MarketDataEntryJsonConverter, MarketDataEntry>(ref reader, options);

    /// <inheritdoc />
    public static MarketDataEntry Read<TSource>(ref TSource source)
        where TSource : IWireSource, allows ref struct
    {
        source.StartObject(typeof(MarketDataEntry));
        MarketDataUpdateAction? updateAction = null;
        MarketDataEntryType entryType = default;
        string? symbol = null, broker = null, username = null, buyer = null, seller = null;
        int? positionNo = null;
        long? entryId = null, orderId = null, userId = null, tradeId = null, secondaryOrderId = null, buyerId = null, sellerId = null;
        Price? px = null;
        Quantity? size = null;
        DateOnly? date = null;
        TimeOnly? time = null;
        Side? side = null;
        WireExtensionFields unknown = default;
        while (source.Next(Names, out var field))
        {
            switch ((Field)field)
            {
                case Field.MDUpdateAction: updateAction = source.NullableEnum<MarketDataUpdateAction>(); break;
                case Field.MDEntryType: entryType = source.Enum<MarketDataEntryType>(); break;
                case Field.Symbol: symbol = source.RepeatedString(); break;
                case Field.MDEntryPositionNo: positionNo = source.NullableInt32(); break;
                case Field.MDEntryID: entryId = source.NullableInt64(); break;
                case Field.MDEntryPx: px = source.NullableFixed<Price>(); break;
                case Field.MDEntrySize: size = source.NullableFixed<Quantity>(); break;
                case Field.MDEntryDate: date = source.NullableDate(); break;
                case Field.MDEntryTime: time = source.NullableTime(); break;
                case Field.OrderID: orderId = source.NullableInt64(); break;
                case Field.UserID: userId = source.NullableInt64(); break;
                case Field.Broker: broker = source.RepeatedString(); break;
                case Field.Username: username = source.String(); break;
                case Field.TradeID: tradeId = source.NullableInt64(); break;
                case Field.Side: side = source.NullableEnum<Side>(); break;
                case Field.SecondaryOrderID: secondaryOrderId = source.NullableInt64(); break;
                case Field.MDEntryBuyerID: buyerId = source.NullableInt64(); break;
                case Field.MDEntrySellerID: sellerId = source.NullableInt64(); break;
                case Field.MDEntryBuyer: buyer = source.String(); break;
                case Field.MDEntrySeller: seller = source.String(); break;
                default: source.KeepUnknown(ref unknown); break;
            }
        }

        return new MarketDataEntry
        {
            MDUpdateAction = updateAction,
            MDEntryType = entryType,
            Symbol = symbol,
            MDEntryPositionNo = positionNo,
            MDEntryID = entryId,
            MDEntryPx = px,
            MDEntrySize = size,
            MDEntryDate = date,
            MDEntryTime = time,
            OrderID = orderId,
            UserID = userId,
            Broker = broker,
            Username = username,
            TradeID = tradeId,
            Side = side,
            SecondaryOrderID = secondaryOrderId,
            MDEntryBuyerID = buyerId,
            MDEntrySellerID = sellerId,
            MDEntryBuyer = buyer,
            MDEntrySeller = seller,
            WireExtension = unknown.Value,
        };
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, MarketDataEntry value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }
        writer.WriteStartObject();
        if (value.MDUpdateAction is { } updateAction)
        {
            writer.WriteString("MDUpdateAction"u8, updateAction.Value);
        }
        writer.WriteString("MDEntryType"u8, value.MDEntryType.Value);
        WriteString(writer, "Symbol"u8, value.Symbol);
        WriteNumber(writer, "MDEntryPositionNo"u8, value.MDEntryPositionNo);
        WriteNumber(writer, "MDEntryID"u8, value.MDEntryID);
        WriteNumber(writer, "MDEntryPx"u8, value.MDEntryPx?.Satoshis);
        WriteNumber(writer, "MDEntrySize"u8, value.MDEntrySize?.Satoshis);
        if (value.MDEntryDate is { } date)
        {
            WireTimeText.WriteDate(writer, "MDEntryDate"u8, date);
        }
        if (value.MDEntryTime is { } time)
        {
            WireTimeText.WriteTime(writer, "MDEntryTime"u8, time);
        }
        WriteNumber(writer, "OrderID"u8, value.OrderID);
        WriteNumber(writer, "UserID"u8, value.UserID);
        WriteString(writer, "Broker"u8, value.Broker);
        WriteString(writer, "Username"u8, value.Username);
        WriteNumber(writer, "TradeID"u8, value.TradeID);
        if (value.Side is { } side)
        {
            writer.WriteString("Side"u8, side.Value);
        }
        WriteNumber(writer, "SecondaryOrderID"u8, value.SecondaryOrderID);
        WriteNumber(writer, "MDEntryBuyerID"u8, value.MDEntryBuyerID);
        WriteNumber(writer, "MDEntrySellerID"u8, value.MDEntrySellerID);
        WriteString(writer, "MDEntryBuyer"u8, value.MDEntryBuyer);
        WriteString(writer, "MDEntrySeller"u8, value.MDEntrySeller);
        WriteExtension(writer, value);
        writer.WriteEndObject();
    }

    private static void WriteString(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteNumber(Utf8JsonWriter writer, ReadOnlySpan<byte> name, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }
}
