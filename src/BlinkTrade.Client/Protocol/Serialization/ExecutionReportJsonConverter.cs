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
internal sealed class ExecutionReportJsonConverter : JsonConverter<ExecutionReport>, IWireObjectReader<ExecutionReport>
{
    /// <summary>A JSON <c>null</c> where an object is expected (e.g. <c>[null]</c> in an entry group) is an error, not a null element.</summary>
    public override bool HandleNull => true;

    private enum Field
    {
        MsgType,
        OrderID,
        ClOrdID,
        ExecID,
        ExecType,
        OrdStatus,
        ExecSide,
        Symbol,
        Side,
        OrdType,
        TimeInForce,
        OrderQty,
        Price,
        StopPx,
        LastShares,
        LastPx,
        LeavesQty,
        CumQty,
        CxlQty,
        AvgPx,
        OrdRejReason,
        Text,
        ExecInst,
        OrderDate,
        Volume,

        // Not a member of the record: the exchange sends it on every 8, PROTOCOL.md does not define it, and it is kept as
        // extension data like any unknown name; named here so the compact source's name guess matches it in one comparison
        // instead of a lookup that finds nothing (docs/performance.md, "task 18zc").
        TransactTime,
    }

    private static readonly WireNameTable Names = new(System.Enum.GetNames<Field>());

    /// <inheritdoc />
    public override ExecutionReport Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => JsonReaderSource.Read<ExecutionReportJsonConverter, ExecutionReport>(ref reader, options);

    /// <inheritdoc />
    public static ExecutionReport Read<TSource>(ref TSource source)
        where TSource : IWireSource, allows ref struct
    {
        source.StartObject(typeof(ExecutionReport));
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
        WireExtensionFields unknown = default;
        while (source.Next(Names, out var field))
        {
            switch ((Field)field)
            {
                case Field.MsgType: source.Skip(); break;
                case Field.OrderID: orderId = source.Int64(); break;
                case Field.ClOrdID: clOrdId = source.String(); break;
                case Field.ExecID: execId = source.Int64(); break;
                case Field.ExecType: execType = source.Enum<ExecType>(); break;
                case Field.OrdStatus: ordStatus = source.Enum<OrdStatus>(); break;
                case Field.ExecSide: execSide = source.Enum<Side>(); break;
                case Field.Symbol: symbol = source.RepeatedString(); break;
                case Field.Side: side = source.Enum<Side>(); break;
                case Field.OrdType: ordType = source.Enum<OrdType>(); break;
                case Field.TimeInForce: timeInForce = source.NullableEnum<TimeInForce>(); break;
                case Field.OrderQty: orderQty = source.Fixed<Quantity>(); break;
                case Field.Price: price = source.Fixed<Price>(); break;
                case Field.StopPx: stopPx = source.NullableFixed<Price>(); break;
                case Field.LastShares: lastShares = source.Fixed<Quantity>(); break;
                case Field.LastPx: lastPx = source.Fixed<Price>(); break;
                case Field.LeavesQty: leavesQty = source.Fixed<Quantity>(); break;
                case Field.CumQty: cumQty = source.Fixed<Quantity>(); break;
                case Field.CxlQty: cxlQty = source.Fixed<Quantity>(); break;
                case Field.AvgPx: avgPx = source.Fixed<Price>(); break;
                case Field.OrdRejReason: ordRejReason = source.NullableEnum<OrdRejReason>(); break;
                case Field.Text: text = source.String(); break;
                case Field.ExecInst: execInst = source.NullableEnum<ExecInst>(); break;
                case Field.OrderDate: orderDate = source.NullableDateTime(); break;
                case Field.Volume: volume = source.NullableFixed<Amount>(); break;
                case Field.TransactTime: source.KeepExtension(Names, field, ref unknown); break;
                default: source.KeepUnknown(ref unknown); break;
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
            WireExtension = unknown.Value,
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
        WriteExtension(writer, value);
        writer.WriteEndObject();
    }
}
