using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BlinkTrade.Testing.Gateway.Wire;

namespace BlinkTrade.Benchmarks;

/// <summary>
/// The gateway's own codec: decoding and validating a request the way its handler does before touching the engine,
/// and encoding the replies it sends most. Run:
/// <c>dotnet run -c Release --project benchmarks/BlinkTrade.Benchmarks -- --filter '*GatewayCodec*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class GatewayCodecBenchmarks
{
    private static readonly byte[] NewOrderFrame =
        """{"MsgType":"D","ClOrdID":"7302190","Symbol":"BTCUSD","Side":"1","OrdType":"2","Price":62100000000,"OrderQty":80000000,"BrokerID":5}"""u8.ToArray();

    private static readonly byte[] TestRequestFrame = """{"MsgType":"1","TestReqID":"123","SendTime":1469031953}"""u8.ToArray();

    private static readonly byte[] BalanceRequestFrame = """{"MsgType":"U2","BalanceReqID":3701}"""u8.ToArray();

    private static readonly JsonElement ErrorRequestId = JsonDocument.Parse("\"7302190\"").RootElement;

    /// <summary>D: parse and validate every field the order handler reads.</summary>
    [Benchmark]
    public long DecodeNewOrder()
    {
        using var message = InboundMessage.Parse(NewOrderFrame);
        var clOrdId = message.GetOptionalStrictString("ClOrdID") ?? throw GatewayException.MissingTag("ClOrdID");
        var symbol = message.GetString("Symbol");
        var side = message.GetString("Side");
        var type = message.GetString("OrdType");
        var quantity = message.GetInt64("OrderQty");
        var price = message.GetInt64("Price");
        var tif = message.GetOptionalString("TimeInForce");
        var execInst = message.GetOptionalString("ExecInst");
        return clOrdId.Length + symbol.Length + side.Length + type.Length + quantity + price + (tif?.Length ?? 0) + (execInst?.Length ?? 0);
    }

    /// <summary>1: parse a test request (the smallest request).</summary>
    [Benchmark]
    public int DecodeTestRequest()
    {
        using var message = InboundMessage.Parse(TestRequestFrame);
        return message.GetString("TestReqID").Length;
    }

    /// <summary>0: the heartbeat reply echoing TestReqID and SendTime.</summary>
    [Benchmark]
    public int EncodeHeartbeatReply()
    {
        using var message = InboundMessage.Parse(TestRequestFrame);
        return Frames.Build("0", w =>
        {
            w.WriteRequestId(message);
            w.CopyField(message, "SendTime");
            w.WriteNumber("ServerTimestamp", 1469032804);
        }).Length;
    }

    /// <summary>U2 → U3: a two-currency balance reply with its request id echoed.</summary>
    [Benchmark]
    public int EncodeBalanceReply()
    {
        using var message = InboundMessage.Parse(BalanceRequestFrame);
        return Frames.Build("U3", w =>
        {
            w.WriteRequestId(message);
            w.WriteNumber("ClientID", 90000002);
            w.WriteStartObject("5");
            w.WriteNumber("BTC", 1_000_000_000);
            w.WriteNumber("BTC_locked", 80_000_000);
            w.WriteNumber("USD", 5_000_000_000_000);
            w.WriteNumber("USD_locked", 0);
            w.WriteEndObject();
        }).Length;
    }

    /// <summary>An ERROR for a missing tag, with the request id.</summary>
    [Benchmark]
    public int EncodeError() => Frames.Error(GatewayErrors.InvalidMessage, "Missing tag ClOrdID", ErrorRequestId).Length;
}
