using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Testing.Gateway.Funding;
using BlinkTrade.Testing.Gateway.Handlers;
using BlinkTrade.Testing.Gateway.Trading;
using BlinkTrade.Testing.Gateway.Wire;
using Matching = BlinkTrade.Testing.Matching;

namespace BlinkTrade.Benchmarks;

/// <summary>
/// The gateway's replies that moved from hand-written <c>Utf8JsonWriter</c> code (<c>Frames.Build</c>, the former
/// <c>ColumnarList</c> and <c>FundingWriter</c>) onto the SDK's records and serializer: a page of 100 orders (U5,
/// column-oriented) and a deposit (U19). The <c>HandWritten</c> cases keep the former writer's code here, as the
/// baseline the record path is compared with in one run. Run:
/// <c>dotnet run -c Release --project benchmarks/BlinkTrade.Benchmarks -- --filter '*GatewayReply*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class GatewayReplyBenchmarks
{
    private static readonly string[] OrderColumns =
        ["ClOrdID", "OrderID", "CumQty", "OrdStatus", "LeavesQty", "CxlQty", "AvgPx", "Symbol", "Side", "OrdType", "OrderQty", "Price", "OrderDate", "Volume", "TimeInForce"];

    private readonly byte[] _orderListRequest = """{"MsgType":"U4","OrdersReqID":4701,"Page":0,"PageSize":100}"""u8.ToArray();
    private readonly byte[] _depositRequest = """{"MsgType":"U18","DepositReqID":3102,"Currency":"BTC"}"""u8.ToArray();
    private OrderRecord[] _orders = [];
    private DepositRecord _deposit = null!;

    [GlobalSetup]
    public void Setup()
    {
        var created = new DateTimeOffset(2026, 12, 5, 1, 0, 0, TimeSpan.Zero);
        _orders = [.. Enumerable.Range(0, 100).Select(i => new OrderRecord
        {
            OrderId = 1_459_028_830_000 + i,
            UserId = 90000002,
            BrokerId = 5,
            ClOrdId = "73021" + i.ToString(CultureInfo.InvariantCulture),
            Symbol = "BTCUSD",
            Side = i % 2 == 0 ? Matching.Side.Buy : Matching.Side.Sell,
            OrderType = Matching.OrderType.Limit,
            TimeInForce = Matching.TimeInForce.GoodTillCancel,
            OrderQty = 80_000_000,
            Price = 62_100_000_000 + i,
            CumQty = 30_000_000,
            LeavesQty = 50_000_000,
            AvgPx = 62_000_000_000,
            Status = Matching.OrderStatus.PartiallyFilled,
            Created = created.AddSeconds(i),
        })];
        _deposit = new DepositRecord
        {
            DepositId = "3f4a1e2b9c8d4e5fa6b7c8d9e0f1a2b3",
            LedgerReference = 1,
            DepositMethodName = "deposit_btc",
            UserId = 90000002,
            BrokerId = 5,
            Username = "alice",
            Type = "CRY",
            Currency = "BTC",
            InputAddress = "2NBwK3bLvoL4ABEbzqxfDYdFeJKXDTDrmq4",
            Created = created,
        };
    }

    /// <summary>U5, 100 rows: the record, written column-oriented by the SDK's serializer.</summary>
    [Benchmark]
    public int OrderListFromRecord()
    {
        using var request = GatewayRequest.Parse(_orderListRequest);
        return AccountLists.Encode(new OrdersListResponse { OrdListGrp = [.. _orders.Select(OrderHandlers.ToListEntry)] }, request, 0, 100).Length;
    }

    /// <summary>U5, 100 rows: the former hand-written writer.</summary>
    [Benchmark(Baseline = true)]
    public int OrderListHandWritten()
    {
        using var request = GatewayRequest.Parse(_orderListRequest);
        return FormerFrames.Build("U5", w =>
        {
            WriteRequestId(w, request);
            w.WriteNumber("Page", 0);
            w.WriteNumber("PageSize", 100);
            w.WriteStartArray("Columns");
            foreach (var column in OrderColumns)
            {
                w.WriteStringValue(column);
            }
            w.WriteEndArray();
            w.WriteStartArray("OrdListGrp");
            foreach (var o in _orders)
            {
                w.WriteStartArray();
                w.WriteStringValue(o.ClOrdId);
                w.WriteNumberValue(o.OrderId);
                w.WriteNumberValue(o.CumQty);
                w.WriteStringValue(Code((byte)o.Status));
                w.WriteNumberValue(o.LeavesQty);
                w.WriteNumberValue(o.CxlQty);
                w.WriteNumberValue(o.AvgPx);
                w.WriteStringValue(o.Symbol);
                w.WriteStringValue(o.Side == Matching.Side.Buy ? "1" : "2");
                w.WriteStringValue(Code((byte)o.OrderType));
                w.WriteNumberValue(o.OrderQty);
                w.WriteNumberValue(o.Price);
                w.WriteStringValue(FormatDateTime(o.Created));
                w.WriteNumberValue((long)((Int128)o.AvgPx * o.CumQty / 100_000_000));
                w.WriteStringValue(Code((byte)o.TimeInForce));
                w.WriteEndArray();
            }
            w.WriteEndArray();
        }).Length;
    }

    /// <summary>U19: the deposit record.</summary>
    [Benchmark]
    public int DepositFromRecord()
    {
        using var request = GatewayRequest.Parse(_depositRequest);
        return FrameEncoder.Encode(new DepositResponse { Deposit = _deposit.ToProtocol() }, request).Length;
    }

    /// <summary>U19: the former hand-written writer.</summary>
    [Benchmark]
    public int DepositHandWritten()
    {
        using var request = GatewayRequest.Parse(_depositRequest);
        return FormerFrames.Build("U19", w =>
        {
            WriteRequestId(w, request);
            WriteDeposit(w, _deposit);
        }).Length;
    }

    // The former hand-written path, kept here (WireCodes, FundingWriter.WriteDeposit; Frames.Build is FormerFrames) as the baseline.

    private static void WriteRequestId(Utf8JsonWriter writer, GatewayRequest request)
    {
        if (request.RequestIdField is { } field && request.RequestId is { } id)
        {
            writer.WritePropertyName(field);
            writer.WriteRawValue(id.Span, skipInputValidation: true);
        }
    }

    private static string Code(byte value) => value.ToString(CultureInfo.InvariantCulture);

    private static string FormatDateTime(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static void WriteDeposit(Utf8JsonWriter w, DepositRecord d)
    {
        w.WriteString("DepositID", d.DepositId);
        w.WriteNull("DepositMethodID");
        w.WriteString("DepositMethodName", d.DepositMethodName);
        w.WriteNumber("UserID", d.UserId);
        w.WriteNumber("AccountID", d.UserId);
        w.WriteNumber("BrokerID", d.BrokerId);
        w.WriteString("Username", d.Username);
        w.WriteNull("ControlNumber");
        w.WriteString("Type", d.Type);
        w.WriteString("Currency", d.Currency);
        w.WriteNumber("Value", d.Value);
        w.WriteNumber("PaidValue", d.PaidValue);
        w.WriteStartObject("Data");
        if (d.InputAddress is { } address)
        {
            w.WriteString("InputAddress", address);
        }
        w.WriteEndObject();
        w.WriteString("Created", FormatDateTime(d.Created));
        w.WriteString("Status", d.Status);
        w.WriteNull("ReasonID");
        w.WriteNull("Reason");
        w.WriteNumber("PercentFee", 0);
        w.WriteNumber("FixedFee", 0);
        w.WriteNull("ClOrdID");
    }
}
