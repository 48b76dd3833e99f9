using BenchmarkDotNet.Attributes;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Testing.Accounts;
using BlinkTrade.Testing.Gateway.Trading;
using BlinkTrade.Testing.Gateway.Wire;

namespace BlinkTrade.Benchmarks;

/// <summary>
/// The gateway's codec: decoding and validating a request the way its handler does before touching the engine
/// (<see cref="GatewayRequest"/> + the client's typed records), and encoding the replies it sends most
/// (<see cref="FrameEncoder"/>). The same five cases were measured on the gateway's former codec (InboundMessage over a
/// JsonDocument, Frames.Build) before it was replaced: docs/performance.md. Run:
/// <c>dotnet run -c Release --project benchmarks/BlinkTrade.Benchmarks -- --filter '*GatewayCodec*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class GatewayCodecBenchmarks
{
    private static readonly byte[] NewOrderFrame =
        """{"MsgType":"D","ClOrdID":"7302190","Symbol":"BTCUSD","Side":"1","OrdType":"2","Price":62100000000,"OrderQty":80000000,"BrokerID":5}"""u8.ToArray();

    private static readonly byte[] TestRequestFrame = """{"MsgType":"1","TestReqID":"123","SendTime":1469031953}"""u8.ToArray();

    private static readonly byte[] BalanceRequestFrame = """{"MsgType":"U2","BalanceReqID":3701}"""u8.ToArray();

    private static readonly ReadOnlyMemory<byte> ErrorRequestId = "\"7302190\""u8.ToArray();

    private static readonly IReadOnlyDictionary<string, Balance> Balances = new Dictionary<string, Balance>
    {
        ["BTC"] = new(1_000_000_000, 80_000_000),
        ["USD"] = new(5_000_000_000_000, 0),
    };

    /// <summary>D: parse and validate every field the order handler reads.</summary>
    [Benchmark]
    public long DecodeNewOrder()
    {
        using var message = GatewayRequest.Parse(NewOrderFrame);
        var order = OrderHandlers.ReadNewOrder(message);
        return order.ClOrdId.Length + order.Symbol.Length + order.Quantity + order.Price;
    }

    /// <summary>1: parse a test request (the smallest request).</summary>
    [Benchmark]
    public int DecodeTestRequest()
    {
        using var message = GatewayRequest.Parse(TestRequestFrame);
        return message.GetString("TestReqID").Length;
    }

    /// <summary>0: the heartbeat reply echoing TestReqID and SendTime.</summary>
    [Benchmark]
    public int EncodeHeartbeatReply()
    {
        using var message = GatewayRequest.Parse(TestRequestFrame);
        return FrameEncoder.Encode(new Heartbeat { ServerTimestamp = 1469032804 }, message, "SendTime").Length;
    }

    /// <summary>U2 → U3: a two-currency balance reply with its request id echoed.</summary>
    [Benchmark]
    public int EncodeBalanceReply()
    {
        using var message = GatewayRequest.Parse(BalanceRequestFrame);
        return OrderHandlers.BalanceReply(message, 90000002, 5, Balances).Length;
    }

    /// <summary>An ERROR for a missing tag, with the request id.</summary>
    [Benchmark]
    public int EncodeError() => FrameEncoder.Error(GatewayErrors.InvalidMessage, "Missing tag ClOrdID", ErrorRequestId).Length;
}
