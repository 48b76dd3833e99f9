using System.Text.Json;
using System.Text.Json.Serialization;
using static BlinkTrade.Client.Protocol.Serialization.ConverterHelpers;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// Hand-written converter for <see cref="ExecutionReport"/>, the hottest private frame. The source generator binds
/// init-only records through an <c>object[]</c> of boxed arguments (~780 B per report); this one reads into locals and
/// builds the record once. Reading is exactly as tolerant as the protocol-wide converters (numeric strings, integral
/// floats, unknown enum values kept raw, numbers as strings); properties may come in any order; unknown properties go
/// to <see cref="ProtocolRecord.ExtensionData"/>; <c>null</c> leaves an optional field unset and is an error for a
/// required (non-nullable) one. Writing matches the source-generated output byte for byte.
/// </summary>
internal sealed class ExecutionReportJsonConverter : JsonConverter<ExecutionReport>
{
    /// <summary>A JSON <c>null</c> where an object is expected (e.g. <c>[null]</c> in an entry group) is an error, not a null element.</summary>
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override ExecutionReport Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        ExpectStartObject(ref reader, typeof(ExecutionReport));
        long orderId = 0, execId = 0;
        string? clOrdId = null, symbol = null, text = null;
        ExecType execType = default;
        OrdStatus ordStatus = default;
        Side execSide = default, side = default;
        OrdType ordType = default;
        TimeInForce? timeInForce = null;
        Quantity orderQty = default, lastShares = default, leavesQty = default, cumQty = default, cxlQty = default;
        Price price = default, lastPx = default, avgPx = default;
        Price? stopPx = null;
        OrdRejReason? ordRejReason = null;
        ExecInst? execInst = null;
        DateTime? orderDate = null;
        Amount? volume = null;
        var properties = new JsonPropertyCursor();
        while (properties.MoveNext(ref reader))
        {
            switch (properties.Name)
            {
                case "MsgType": reader.Skip(); break;
                case "OrderID": orderId = Int64(ref reader); break;
                case "ClOrdID": clOrdId = String(ref reader); break;
                case "ExecID": execId = Int64(ref reader); break;
                case "ExecType": execType = Enum<ExecType>(ref reader); break;
                case "OrdStatus": ordStatus = Enum<OrdStatus>(ref reader); break;
                case "ExecSide": execSide = Enum<Side>(ref reader); break;
                case "Symbol": symbol = RepeatedString(ref reader); break;
                case "Side": side = Enum<Side>(ref reader); break;
                case "OrdType": ordType = Enum<OrdType>(ref reader); break;
                case "TimeInForce": timeInForce = NullableEnum<TimeInForce>(ref reader); break;
                case "OrderQty": orderQty = Fixed<Quantity>(ref reader); break;
                case "Price": price = Fixed<Price>(ref reader); break;
                case "StopPx": stopPx = NullableFixed<Price>(ref reader); break;
                case "LastShares": lastShares = Fixed<Quantity>(ref reader); break;
                case "LastPx": lastPx = Fixed<Price>(ref reader); break;
                case "LeavesQty": leavesQty = Fixed<Quantity>(ref reader); break;
                case "CumQty": cumQty = Fixed<Quantity>(ref reader); break;
                case "CxlQty": cxlQty = Fixed<Quantity>(ref reader); break;
                case "AvgPx": avgPx = Fixed<Price>(ref reader); break;
                case "OrdRejReason": ordRejReason = NullableEnum<OrdRejReason>(ref reader); break;
                case "Text": text = String(ref reader); break;
                case "ExecInst": execInst = NullableEnum<ExecInst>(ref reader); break;
                case "OrderDate": orderDate = NullableDateTime(ref reader, options); break;
                case "Volume": volume = NullableFixed<Amount>(ref reader); break;
                default: properties.KeepUnknown(ref reader); break;
            }
        }

        return new ExecutionReport
        {
            OrderID = orderId,
            ClOrdID = clOrdId,
            ExecID = execId,
            ExecType = execType,
            OrdStatus = ordStatus,
            ExecSide = execSide,
            Symbol = symbol,
            Side = side,
            OrdType = ordType,
            TimeInForce = timeInForce,
            OrderQty = orderQty,
            Price = price,
            StopPx = stopPx,
            LastShares = lastShares,
            LastPx = lastPx,
            LeavesQty = leavesQty,
            CumQty = cumQty,
            CxlQty = cxlQty,
            AvgPx = avgPx,
            OrdRejReason = ordRejReason,
            Text = text,
            ExecInst = execInst,
            OrderDate = orderDate,
            Volume = volume,
            ExtensionData = properties.Unknown,
        };
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ExecutionReport value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }
        writer.WriteStartObject();
        writer.WriteString("MsgType"u8, value.MsgType);
        writer.WriteNumber("OrderID"u8, value.OrderID);
        if (value.ClOrdID is not null)
        {
            writer.WriteString("ClOrdID"u8, value.ClOrdID);
        }
        writer.WriteNumber("ExecID"u8, value.ExecID);
        writer.WriteString("ExecType"u8, value.ExecType.Value);
        writer.WriteString("OrdStatus"u8, value.OrdStatus.Value);
        writer.WriteString("ExecSide"u8, value.ExecSide.Value);
        if (value.Symbol is not null)
        {
            writer.WriteString("Symbol"u8, value.Symbol);
        }
        writer.WriteString("Side"u8, value.Side.Value);
        writer.WriteString("OrdType"u8, value.OrdType.Value);
        if (value.TimeInForce is { } timeInForce)
        {
            writer.WriteString("TimeInForce"u8, timeInForce.Value);
        }
        writer.WriteNumber("OrderQty"u8, value.OrderQty.Satoshis);
        writer.WriteNumber("Price"u8, value.Price.Satoshis);
        if (value.StopPx is { } stopPx)
        {
            writer.WriteNumber("StopPx"u8, stopPx.Satoshis);
        }
        writer.WriteNumber("LastShares"u8, value.LastShares.Satoshis);
        writer.WriteNumber("LastPx"u8, value.LastPx.Satoshis);
        writer.WriteNumber("LeavesQty"u8, value.LeavesQty.Satoshis);
        writer.WriteNumber("CumQty"u8, value.CumQty.Satoshis);
        writer.WriteNumber("CxlQty"u8, value.CxlQty.Satoshis);
        writer.WriteNumber("AvgPx"u8, value.AvgPx.Satoshis);
        if (value.OrdRejReason is { } ordRejReason)
        {
            writer.WriteString("OrdRejReason"u8, ordRejReason.Value);
        }
        if (value.Text is not null)
        {
            writer.WriteString("Text"u8, value.Text);
        }
        if (value.ExecInst is { } execInst)
        {
            writer.WriteString("ExecInst"u8, execInst.Value);
        }
        if (value.OrderDate is { } orderDate)
        {
            WireTimeText.WriteDateTime(writer, "OrderDate"u8, orderDate);
        }
        if (value.Volume is { } volume)
        {
            writer.WriteNumber("Volume"u8, volume.Satoshis);
        }
        WriteExtension(writer, value.ExtensionData);
        writer.WriteEndObject();
    }
}
