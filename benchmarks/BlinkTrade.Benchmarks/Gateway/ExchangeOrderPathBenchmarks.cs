using System.Buffers;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BlinkTrade.Client.Transport;
using BlinkTrade.Testing;

namespace BlinkTrade.Benchmarks;

/// <summary>
/// The exchange's side of a served order alone (issue 18, task 18t): raw frames on the in-memory transport, no
/// <c>BlinkTradeClient</c>, so what is measured is the gateway — decode of <c>D</c>/<c>F</c>, the actor, the engine, the
/// encode of <c>8</c>/<c>U3</c>/<c>ERROR</c> and the sessions' sends — plus the transport's copy and a byte search per
/// received frame. One operation is what <c>gateway-throughput</c>'s sessions do most: a resting order cancelled, and a
/// crossing order whose cancel comes too late (its <c>ERROR</c>). Requests go one at a time, so the actor is idle when
/// each arrives (its inline path). Allocation and thread-pool work items are process-wide (the exchange's threads
/// included). The time per operation is mostly thread-pool hand-offs and, on a busy machine, the wait for a core: the
/// cleanup prints the process CPU and the thread-pool work items per operation over the second half of the run's
/// operations (the JIT settled), the figures to compare under load. Run: <c>dotnet $B --filter '*ExchangeOrderPath*' --job short --inProcess</c>.
/// </summary>
[MemoryDiagnoser]
public class ExchangeOrderPathBenchmarks
{
    private const long Usd = 100_000_000;
    private ReferenceExchange _exchange = null!;
    private IBlinkTradeConnection _alice = null!;
    private IBlinkTradeConnection _bob = null!;
    private readonly ArrayBufferWriter<byte> _received = new(4096);
    private long _next;
    private long _lastOrderId;
    private long _operations;
    // (operations, process CPU, completed work items) every CheckpointEvery operations: the cleanup reads the second half.
    private const int CheckpointEvery = 256;
    private readonly List<(long Operations, TimeSpan Cpu, long WorkItems)> _checkpoints = [];

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _exchange = await ReferenceExchange.StartAsync(new ReferenceExchangeOptions { PasswordHashIterations = 1, MaxMessagesPerSecond = 1_000_000 }, CancellationToken.None);
        await _exchange.CreateBrokerAsync(5, "exchange", 0, 0, cancellationToken: CancellationToken.None);
        await _exchange.CreateInstrumentAsync("BTCUSD", "BTC", "USD", cancellationToken: CancellationToken.None);
        _alice = await LoginAsync("alice");
        _bob = await LoginAsync("bob");
        _operations = 0;
        _checkpoints.Clear();
        Checkpoint();
    }

    private void Count()
    {
        if (++_operations % CheckpointEvery == 0)
        {
            Checkpoint();
        }
    }

    private void Checkpoint() => _checkpoints.Add((_operations, Environment.CpuUsage.TotalTime, ThreadPool.CompletedWorkItemCount));

    [GlobalCleanup]
    public void Cleanup()
    {
        var (first, last) = (_checkpoints[_checkpoints.Count / 2], _checkpoints[^1]);
        var operations = Math.Max(1, last.Operations - first.Operations);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// process CPU per operation: {(last.Cpu - first.Cpu).TotalMicroseconds / operations:F1} µs, {(double)(last.WorkItems - first.WorkItems) / operations:F2} thread-pool work items, over the last {operations:N0} of {_operations:N0} operations"));
        _alice.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _bob.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _exchange.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>A buy that rests (its <c>8</c> and <c>U3</c>), then its cancel (<c>8</c> and <c>U3</c>).</summary>
    [Benchmark]
    public async Task RestThenCancel()
    {
        Count();
        await SendAsync(_alice, Order("1", 900 * Usd));
        _lastOrderId = await ReadOrderIdAsync(_alice);
        await ReadUntilAsync(_alice, "\"U3\""u8.ToArray(), 1);
        await SendAsync(_alice, Cancel(_lastOrderId));
        await ReadUntilAsync(_alice, "\"U3\""u8.ToArray(), 1);
    }

    /// <summary>A sell that rests, a buy that fills it (both sides' <c>8</c>s and <c>U3</c>s), and the buy's cancel, too late (<c>ERROR</c>).</summary>
    [Benchmark]
    public async Task FillThenLateCancel()
    {
        Count();
        await SendAsync(_bob, Order("2", 1000 * Usd));
        await ReadUntilAsync(_bob, "\"U3\""u8.ToArray(), 1);
        await SendAsync(_alice, Order("1", 1000 * Usd));
        _lastOrderId = await ReadOrderIdAsync(_alice);
        await ReadUntilAsync(_bob, "\"U3\""u8.ToArray(), 1);
        await SendAsync(_alice, Cancel(_lastOrderId));
        await ReadUntilAsync(_alice, "\"ERROR\""u8.ToArray(), 1);
    }

    private async Task<IBlinkTradeConnection> LoginAsync(string name)
    {
        var user = await _exchange.CreateUserAsync(name, "benchmark-password", 5, $"{name}@example.com", cancellationToken: CancellationToken.None);
        await _exchange.CreditAsync(user, "USD", new(1_000_000_000 * Usd), CancellationToken.None);
        await _exchange.CreditAsync(user, "BTC", new(1_000_000 * Usd), CancellationToken.None);
        var connection = await _exchange.CreateInMemoryTransport().ConnectAsync(new Uri("ws://bench/"), CancellationToken.None);
        await SendAsync(connection, Encoding.UTF8.GetBytes(
            $$"""{"MsgType":"BE","UserReqID":1,"BrokerID":5,"Username":"{{name}}","Password":"benchmark-password","UserReqTyp":"1"}"""));
        await ReadUntilAsync(connection, "\"BF\""u8.ToArray(), 1);
        return connection;
    }

    private byte[] Order(string side, long price)
        => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $$"""{"MsgType":"D","ClOrdID":"b{{++_next}}","Symbol":"BTCUSD","Side":"{{side}}","OrdType":"2","Price":{{price}},"OrderQty":{{Usd}},"BrokerID":5}"""));

    private byte[] Cancel(long orderId)
        => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $$"""{"MsgType":"F","OrderID":{{orderId}},"ClOrdID":"c{{++_next}}"}"""));

    private static ValueTask SendAsync(IBlinkTradeConnection connection, byte[] frame) => connection.SendAsync(frame, CancellationToken.None);

    // The first frame is the order's first 8: its OrderID, read by hand.
    private async Task<long> ReadOrderIdAsync(IBlinkTradeConnection connection)
    {
        _received.ResetWrittenCount();
        if (!await connection.ReceiveAsync(_received, CancellationToken.None))
        {
            throw new InvalidOperationException("The exchange closed the session.");
        }
        var frame = _received.WrittenSpan;
        var at = frame.IndexOf("\"OrderID\":"u8);
        if (at < 0)
        {
            throw new InvalidOperationException("Expected an 8: " + Encoding.UTF8.GetString(frame));
        }
        long id = 0;
        for (var i = at + 10; i < frame.Length && frame[i] is >= (byte)'0' and <= (byte)'9'; i++)
        {
            id = (id * 10) + (frame[i] - '0');
        }
        return id;
    }

    private async Task ReadUntilAsync(IBlinkTradeConnection connection, byte[] marker, int count)
    {
        while (count > 0)
        {
            _received.ResetWrittenCount();
            if (!await connection.ReceiveAsync(_received, CancellationToken.None))
            {
                throw new InvalidOperationException("The exchange closed the session.");
            }
            if (_received.WrittenSpan.IndexOf(marker) >= 0)
            {
                count--;
            }
        }
    }
}
