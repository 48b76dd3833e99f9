using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using static BlinkTrade.Client.Protocol.Serialization.ConverterHelpers;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// The exchange's hot request: a <see cref="NewOrderSingle"/> read in one pass without the serializer's metadata path
/// (read state, per-property converter lookups). The reference exchange decodes every <c>D</c> with it through
/// <see cref="ProtocolSerializer"/>; it builds the same record as the source-generated deserializer (unknown fields
/// in <see cref="ProtocolRecord.ExtensionData"/>), and any value it does not take is left to that deserializer,
/// which then reports the error (message and path) as always.
/// </summary>
internal static class NewOrderSingleReader
{
    /// <summary>Reads a whole frame; false when anything is not as expected (the caller falls back to the serializer).</summary>
    public static bool TryRead(ReadOnlySpan<byte> utf8Json, JsonSerializerOptions options, [NotNullWhen(true)] out NewOrderSingle? message)
    {
        message = null;
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = options.MaxDepth });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }
            string? clOrdId = null, symbol = null, clientId = null;
            Side side = default;
            OrdType ordType = default;
            Quantity orderQty = default;
            Price? price = null, stopPx = null;
            TimeInForce? timeInForce = null;
            ExecInst? execInst = null;
            int? brokerId = null, pegPriceType = null;
            var properties = new JsonPropertyCursor();
            while (properties.MoveNext(ref reader))
            {
                // A null for a field of a value type is the serializer's to refuse (or not): fall back.
                switch (properties.Name)
                {
                    case "MsgType": reader.Skip(); break;
                    case "ClOrdID": clOrdId = String(ref reader); break;
                    case "Symbol": symbol = String(ref reader); break;
                    case "Side": side = reader.TokenType == JsonTokenType.Null ? throw new JsonException() : Enum<Side>(ref reader); break;
                    case "OrdType": ordType = reader.TokenType == JsonTokenType.Null ? throw new JsonException() : Enum<OrdType>(ref reader); break;
                    case "OrderQty": orderQty = Fixed<Quantity>(ref reader); break;
                    case "Price": price = NullableFixed<Price>(ref reader); break;
                    case "StopPx": stopPx = NullableFixed<Price>(ref reader); break;
                    case "TimeInForce": timeInForce = NullableEnum<TimeInForce>(ref reader); break;
                    case "ExecInst": execInst = NullableEnum<ExecInst>(ref reader); break;
                    case "BrokerID": brokerId = NullableInt32(ref reader); break;
                    case "ClientID": clientId = String(ref reader); break;
                    case "PegPriceType": pegPriceType = NullableInt32(ref reader); break;
                    default: properties.KeepUnknown(ref reader); break;
                }
            }
            // Only whitespace may follow the object.
            if (reader.Read())
            {
                return false;
            }
            message = new NewOrderSingle
            {
                ClOrdID = clOrdId,
                Symbol = symbol,
                Side = side,
                OrdType = ordType,
                Price = price,
                StopPx = stopPx,
                OrderQty = orderQty,
                TimeInForce = timeInForce,
                ExecInst = execInst,
                BrokerID = brokerId,
                ClientID = clientId,
                PegPriceType = pegPriceType,
                ExtensionData = properties.Unknown,
            };
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or OverflowException or ArgumentException)
        {
            return false;
        }
    }
}
