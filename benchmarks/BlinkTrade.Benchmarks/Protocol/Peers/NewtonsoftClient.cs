using System.Globalization;
using System.Text;
using Newtonsoft.Json.Linq;

namespace BlinkTrade.Benchmarks.Protocol.Peers;

/// <summary>
/// A client written the usual way on Newtonsoft.Json: decode the frame to a string, <c>JObject.Parse</c> it, look at
/// <c>MsgType</c>, then copy every field the SDK's client uses into a plain object with the <c>JToken</c> casts (dates
/// come out of <c>JObject.Parse</c> as <see cref="DateTime"/> already; times are parsed with <c>ParseExact</c>).
/// </summary>
public static class NewtonsoftClient
{
    /// <summary>Parses a <c>W</c> or <c>X</c> frame.</summary>
    public static PlainMarketDataMessage ParseMarketData(byte[] frame)
    {
        var root = JObject.Parse(Encoding.UTF8.GetString(frame));
        var msgType = (string)root["MsgType"]!;
        var message = new PlainMarketDataMessage { MsgType = msgType, RequestId = (long)root["MDReqID"]! };
        JArray group;
        switch (msgType)
        {
            case "X":
                message.BookType = (string?)root["MDBkTyp"];
                group = (JArray)root["MDIncGrp"]!;
                break;
            case "W":
                message.Symbol = (string?)root["Symbol"];
                message.MarketDepth = (int?)root["MarketDepth"];
                group = (JArray)root["MDFullGrp"]!;
                break;
            default:
                throw new FormatException($"Not market data: {msgType}.");
        }
        var entries = new PlainMarketDataEntry[group.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = (JObject)group[i];
            entries[i] = new PlainMarketDataEntry
            {
                UpdateAction = (string?)entry["MDUpdateAction"],
                EntryType = (string?)entry["MDEntryType"],
                Symbol = (string?)entry["Symbol"],
                PositionNo = (int?)entry["MDEntryPositionNo"],
                EntryId = (long?)entry["MDEntryID"],
                Price = (long?)entry["MDEntryPx"],
                Size = (long?)entry["MDEntrySize"],
                Date = (DateTime?)entry["MDEntryDate"] is { } date ? DateOnly.FromDateTime(date) : null,
                Time = (string?)entry["MDEntryTime"] is { } time ? TimeOnly.ParseExact(time, "HH:mm:ss", CultureInfo.InvariantCulture) : null,
                OrderId = (long?)entry["OrderID"],
                UserId = (long?)entry["UserID"],
                Broker = (string?)entry["Broker"],
                TradeId = (long?)entry["TradeID"],
                Side = (string?)entry["Side"],
                SecondaryOrderId = (long?)entry["SecondaryOrderID"],
                BuyerId = (long?)entry["MDEntryBuyerID"],
                SellerId = (long?)entry["MDEntrySellerID"],
            };
        }
        message.Entries = entries;
        return message;
    }

    /// <summary>Parses an <c>8</c> frame.</summary>
    public static PlainExecutionReport ParseExecutionReport(byte[] frame)
    {
        var root = JObject.Parse(Encoding.UTF8.GetString(frame));
        if ((string?)root["MsgType"] != "8")
        {
            throw new FormatException("Not an execution report.");
        }
        return new PlainExecutionReport
        {
            OrderId = (long)root["OrderID"]!,
            ClOrdId = (string?)root["ClOrdID"],
            ExecId = (long)root["ExecID"]!,
            ExecType = (string?)root["ExecType"],
            OrdStatus = (string?)root["OrdStatus"],
            ExecSide = (string?)root["ExecSide"],
            Symbol = (string?)root["Symbol"],
            Side = (string?)root["Side"],
            OrdType = (string?)root["OrdType"],
            TimeInForce = (string?)root["TimeInForce"],
            OrderQty = (long?)root["OrderQty"] ?? 0,
            Price = (long?)root["Price"] ?? 0,
            LastShares = (long?)root["LastShares"] ?? 0,
            LastPx = (long?)root["LastPx"] ?? 0,
            LeavesQty = (long?)root["LeavesQty"] ?? 0,
            CumQty = (long?)root["CumQty"] ?? 0,
            CxlQty = (long?)root["CxlQty"] ?? 0,
            AvgPx = (long?)root["AvgPx"] ?? 0,
        };
    }
}
