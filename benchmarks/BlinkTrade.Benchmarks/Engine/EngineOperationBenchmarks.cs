using BenchmarkDotNet.Attributes;
using BlinkTrade.Testing.Matching;

namespace BlinkTrade.Benchmarks.Engine;

/// <summary>
/// One engine operation per invocation, each on a fresh, realistic book built in the iteration setup (untimed):
/// placing a resting limit order, an IOC order that fills exactly one maker, and cancelling a resting order.
/// Accounts are on and funded, fees 0, self-trade prevention off (as in the stream replay).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 12)]
public class EngineOperationBenchmarks
{
    private const int Operations = 1 << 16;
    private const int Users = 1_000;
    private const string Symbol = "BTCUSD";
    private const long Tick = 1_000_000;
    private const long Lot = 10_000;

    private MatchingEngine _engine = null!;
    private NewOrder[] _orders = null!;
    private CancelOrder[] _cancels = null!;
    private int _next;

    /// <summary>
    /// Book of 1,000 orders around 400.00; the benchmark places 65,536 non-crossing bids spread over 200 levels. The same
    /// orders are placed and cancelled once in the setup, so the timed run measures steady state, not the first growth of
    /// the order index and the level queues.
    /// </summary>
    [IterationSetup(Target = nameof(PlaceResting))]
    public void SetupPlaceResting()
    {
        _engine = CreateEngine();
        _orders = new NewOrder[Operations];
        var random = new Random(1);
        for (var i = 0; i < Operations; i++)
        {
            _orders[i] = Limit(1 + random.Next(Users), Side.Buy, 39_800 + random.Next(200), 1 + random.Next(10), TimeInForce.GoodTillCancel);
        }

        var ids = new long[Operations];
        for (var i = 0; i < Operations; i++)
        {
            ids[i] = _engine.PlaceOrder(in _orders[i]);
        }

        for (var i = 0; i < Operations; i++)
        {
            var cancel = new CancelOrder { BrokerId = 1, UserId = _orders[i].UserId, OrderId = ids[i] };
            _engine.CancelOrder(in cancel);
        }

        _next = 0;
    }

    /// <summary>Places one resting order: validation, funds lock, book insert with MD position, New report.</summary>
    [Benchmark]
    [InvocationCount(Operations)]
    public long PlaceResting() => _engine.PlaceOrder(in _orders[_next++]);

    /// <summary>65,536 one-lot asks over 100 levels; each IOC buy takes exactly the best one.</summary>
    [IterationSetup(Target = nameof(MatchOneMaker))]
    public void SetupMatch()
    {
        _engine = CreateEngine(preload: false);
        var random = new Random(2);
        for (var i = 0; i < Operations; i++)
        {
            var order = Limit(1 + random.Next(Users / 2), Side.Sell, 40_001 + random.Next(100), 1, TimeInForce.GoodTillCancel);
            _engine.PlaceOrder(in order);
        }

        _orders = new NewOrder[Operations];
        for (var i = 0; i < Operations; i++)
        {
            _orders[i] = Limit((Users / 2) + 1 + random.Next(Users / 2), Side.Buy, 40_200, 1, TimeInForce.ImmediateOrCancel);
        }

        _next = 0;
    }

    /// <summary>Matches one IOC order against one maker: two fill reports, settlement with ledger rows, trade, MD delete-thru.</summary>
    [Benchmark]
    [InvocationCount(Operations)]
    public long MatchOneMaker() => _engine.PlaceOrder(in _orders[_next++]);

    /// <summary>1,000-order book plus 65,536 resting orders, cancelled in random order.</summary>
    [IterationSetup(Target = nameof(CancelResting))]
    public void SetupCancel()
    {
        _engine = CreateEngine();
        var random = new Random(3);
        var ids = new long[Operations];
        var users = new int[Operations];
        for (var i = 0; i < Operations; i++)
        {
            users[i] = 1 + random.Next(Users);
            var order = Limit(users[i], i % 2 == 0 ? Side.Buy : Side.Sell, i % 2 == 0 ? 39_800 + random.Next(200) : 40_001 + random.Next(200), 1 + random.Next(10), TimeInForce.GoodTillCancel);
            ids[i] = _engine.PlaceOrder(in order);
        }

        random.Shuffle(ids);
        _cancels = new CancelOrder[Operations];
        for (var i = 0; i < Operations; i++)
        {
            _engine.TryGetOpenOrder(ids[i], out var state);
            _cancels[i] = new CancelOrder { BrokerId = 1, UserId = state.UserId, OrderId = ids[i] };
        }

        _next = 0;
    }

    /// <summary>Cancels one resting order: lookup, removal with MD position, cancel report, unlock.</summary>
    [Benchmark]
    [InvocationCount(Operations)]
    public int CancelResting() => (int)_engine.CancelOrder(in _cancels[_next++]); // as int: the engine's enum is internal

    private static MatchingEngine CreateEngine(bool preload = true)
    {
        var engine = new MatchingEngine(new EngineOptions
        {
            SelfTradePrevention = SelfTradePrevention.None,
            OrderCapacity = 4 * Operations,
            TradeCapacity = 2 * Operations,
            LedgerCapacity = 8 * Operations,
            PriceLevelCapacity = 1024,
        });
        engine.AddInstrument(new InstrumentConfig(Symbol, "BTC", "USD", Tick, Lot));
        for (var user = 1; user <= Users; user++)
        {
            engine.CreditDeposit(1, user, "BTC", 1_000_000_000_000_000_000);
            engine.CreditDeposit(1, user, "USD", 1_000_000_000_000_000_000);
        }

        if (preload)
        {
            var random = new Random(4);
            for (var i = 0; i < 1_000; i++)
            {
                var buy = i % 2 == 0;
                var order = Limit(1 + random.Next(Users), buy ? Side.Buy : Side.Sell, buy ? 39_000 + random.Next(1_000) : 40_001 + random.Next(1_000), 1 + random.Next(20), TimeInForce.GoodTillCancel);
                engine.PlaceOrder(in order);
            }
        }

        return engine;
    }

    private static NewOrder Limit(int user, Side side, long ticks, long lots, TimeInForce tif) => new()
    {
        BrokerId = 1,
        UserId = user,
        Symbol = Symbol,
        Side = side,
        OrderType = OrderType.Limit,
        Price = ticks * Tick,
        Quantity = lots * Lot,
        TimeInForce = tif,
    };
}
