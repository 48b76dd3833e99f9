using System.Globalization;
using System.Text.Json;

namespace BlinkTrade.Benchmarks.Protocol.Peers;

/// <summary>
/// A client written the usual way on <see cref="JsonDocument"/>: parse the frame, look at <c>MsgType</c>, then copy
/// every field the SDK's client uses into a plain object (<c>TryGetProperty</c> with UTF-8 names, strings through
/// <c>GetString</c>, dates and times with <c>ParseExact</c>). The comparison point of <c>ProtocolSerializer</c>'s parse.
/// </summary>
public static class JsonDocumentClient
{
    /// <summary>Parses a <c>W</c> or <c>X</c> frame.</summary>
    public static PlainMarketDataMessage ParseMarketData(byte[] frame)
    {
        using var document = JsonDocument.Parse(frame);
        var root = document.RootElement;
        var msgType = root.GetProperty("MsgType"u8).GetString()!;
        var message = new PlainMarketDataMessage { MsgType = msgType, RequestId = root.GetProperty("MDReqID"u8).GetInt64() };
        JsonElement group;
        switch (msgType)
        {
            case "X":
                message.BookType = OptionalString(root, "MDBkTyp"u8);
                group = root.GetProperty("MDIncGrp"u8);
                break;
            case "W":
                message.Symbol = OptionalString(root, "Symbol"u8);
                message.MarketDepth = root.TryGetProperty("MarketDepth"u8, out var depth) ? depth.GetInt32() : null;
                group = root.GetProperty("MDFullGrp"u8);
                break;
            default:
                throw new JsonException($"Not market data: {msgType}.");
        }
        var entries = new PlainMarketDataEntry[group.GetArrayLength()];
        var i = 0;
        foreach (var entry in group.EnumerateArray())
        {
            entries[i++] = new PlainMarketDataEntry
            {
                UpdateAction = OptionalString(entry, "MDUpdateAction"u8),
                EntryType = OptionalString(entry, "MDEntryType"u8),
                Symbol = OptionalString(entry, "Symbol"u8),
                PositionNo = entry.TryGetProperty("MDEntryPositionNo"u8, out var position) ? position.GetInt32() : null,
                EntryId = OptionalInt64(entry, "MDEntryID"u8),
                Price = OptionalInt64(entry, "MDEntryPx"u8),
                Size = OptionalInt64(entry, "MDEntrySize"u8),
                Date = entry.TryGetProperty("MDEntryDate"u8, out var date)
                    ? DateOnly.ParseExact(date.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : null,
                Time = entry.TryGetProperty("MDEntryTime"u8, out var time)
                    ? TimeOnly.ParseExact(time.GetString()!, "HH:mm:ss", CultureInfo.InvariantCulture)
                    : null,
                OrderId = OptionalInt64(entry, "OrderID"u8),
                UserId = OptionalInt64(entry, "UserID"u8),
                Broker = OptionalString(entry, "Broker"u8),
                TradeId = OptionalInt64(entry, "TradeID"u8),
                Side = OptionalString(entry, "Side"u8),
                SecondaryOrderId = OptionalInt64(entry, "SecondaryOrderID"u8),
                BuyerId = OptionalInt64(entry, "MDEntryBuyerID"u8),
                SellerId = OptionalInt64(entry, "MDEntrySellerID"u8),
            };
        }
        message.Entries = entries;
        return message;
    }

    /// <summary>Parses an <c>8</c> frame.</summary>
    public static PlainExecutionReport ParseExecutionReport(byte[] frame)
    {
        using var document = JsonDocument.Parse(frame);
        var root = document.RootElement;
        if (!root.GetProperty("MsgType"u8).ValueEquals("8"u8))
        {
            throw new JsonException("Not an execution report.");
        }
        return new PlainExecutionReport
        {
            OrderId = root.GetProperty("OrderID"u8).GetInt64(),
            ClOrdId = OptionalString(root, "ClOrdID"u8),
            ExecId = root.GetProperty("ExecID"u8).GetInt64(),
            ExecType = OptionalString(root, "ExecType"u8),
            OrdStatus = OptionalString(root, "OrdStatus"u8),
            ExecSide = OptionalString(root, "ExecSide"u8),
            Symbol = OptionalString(root, "Symbol"u8),
            Side = OptionalString(root, "Side"u8),
            OrdType = OptionalString(root, "OrdType"u8),
            TimeInForce = OptionalString(root, "TimeInForce"u8),
            OrderQty = OptionalInt64(root, "OrderQty"u8) ?? 0,
            Price = OptionalInt64(root, "Price"u8) ?? 0,
            LastShares = OptionalInt64(root, "LastShares"u8) ?? 0,
            LastPx = OptionalInt64(root, "LastPx"u8) ?? 0,
            LeavesQty = OptionalInt64(root, "LeavesQty"u8) ?? 0,
            CumQty = OptionalInt64(root, "CumQty"u8) ?? 0,
            CxlQty = OptionalInt64(root, "CxlQty"u8) ?? 0,
            AvgPx = OptionalInt64(root, "AvgPx"u8) ?? 0,
        };
    }

    private static string? OptionalString(JsonElement element, ReadOnlySpan<byte> name)
        => element.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static long? OptionalInt64(JsonElement element, ReadOnlySpan<byte> name)
        => element.TryGetProperty(name, out var value) ? value.GetInt64() : null;
}
