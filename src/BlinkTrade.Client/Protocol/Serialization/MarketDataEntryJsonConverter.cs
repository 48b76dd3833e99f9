using System.Text.Json;
using System.Text.Json.Serialization;
using static BlinkTrade.Client.Protocol.Serialization.ConverterHelpers;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// Hand-written converter for <see cref="MarketDataEntry"/> (every entry of <c>W</c> and <c>X</c>), for the same reasons
/// and with the same guarantees as <see cref="ExecutionReportJsonConverter"/>. <c>Symbol</c> and <c>Broker</c> come from a
/// small string cache. Per-currency keys of volume entries go to <see cref="ProtocolRecord.ExtensionData"/>.
/// </summary>
internal sealed class MarketDataEntryJsonConverter : JsonConverter<MarketDataEntry>
{
    /// <summary>A JSON <c>null</c> where an object is expected (e.g. <c>[null]</c> in an entry group) is an error, not a null element.</summary>
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override MarketDataEntry Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        ExpectStartObject(ref reader, typeof(MarketDataEntry));
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
        var properties = new JsonPropertyCursor();
        while (properties.MoveNext(ref reader))
        {
            switch (properties.Name)
            {
                case "MDUpdateAction": updateAction = NullableEnum<MarketDataUpdateAction>(ref reader); break;
                case "MDEntryType": entryType = Enum<MarketDataEntryType>(ref reader); break;
                case "Symbol": symbol = RepeatedString(ref reader); break;
                case "MDEntryPositionNo": positionNo = NullableInt32(ref reader); break;
                case "MDEntryID": entryId = NullableInt64(ref reader); break;
                case "MDEntryPx": px = NullableFixed<Price>(ref reader); break;
                case "MDEntrySize": size = NullableFixed<Quantity>(ref reader); break;
                case "MDEntryDate": date = NullableDate(ref reader, options); break;
                case "MDEntryTime": time = NullableTime(ref reader, options); break;
                case "OrderID": orderId = NullableInt64(ref reader); break;
                case "UserID": userId = NullableInt64(ref reader); break;
                case "Broker": broker = RepeatedString(ref reader); break;
                case "Username": username = String(ref reader); break;
                case "TradeID": tradeId = NullableInt64(ref reader); break;
                case "Side": side = NullableEnum<Side>(ref reader); break;
                case "SecondaryOrderID": secondaryOrderId = NullableInt64(ref reader); break;
                case "MDEntryBuyerID": buyerId = NullableInt64(ref reader); break;
                case "MDEntrySellerID": sellerId = NullableInt64(ref reader); break;
                case "MDEntryBuyer": buyer = String(ref reader); break;
                case "MDEntrySeller": seller = String(ref reader); break;
                default: properties.KeepUnknown(ref reader); break;
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
            ExtensionData = properties.Unknown,
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
        WriteExtension(writer, value.ExtensionData);
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
