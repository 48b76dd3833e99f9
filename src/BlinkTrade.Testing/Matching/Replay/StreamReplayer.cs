using System.Globalization;

namespace BlinkTrade.Testing.Matching.Replay;

/// <summary>
/// Replays a <see cref="CommandStream"/> through a real <see cref="MatchingEngine"/> — accounts on, every user funded
/// so money never limits, fees 0 — and keeps the bench/FORMAT.md §5 digest counters from the engine's own trade events.
/// Market data is not part of the format (§3 rule 10), so book events are off unless asked for.
/// </summary>
internal sealed class StreamReplayer
{
    public const string Symbol = "BTCUSD";
    public const int BrokerId = 1;

    /// <summary>Funding per user and currency: far more than any stream can spend (10^10 BTC, 10^10 USD).</summary>
    public const long Funding = 1_000_000_000_000_000_000;

    private readonly CommandStream _stream;
    private readonly string _symbol = Symbol;

    public StreamReplayer(CommandStream stream, SelfTradePrevention selfTradePrevention = SelfTradePrevention.None, long expectedTrades = 0, bool bookEvents = false)
    {
        _stream = stream;
        var orders = Math.Max(stream.Preload, 1024) + (stream.Preload / 4) + 65_536;
        Engine = new MatchingEngine(new EngineOptions
        {
            SelfTradePrevention = selfTradePrevention,
            BookEvents = bookEvents,
            OrderCapacity = orders,
            TradeCapacity = expectedTrades + 16_384,
            LedgerCapacity = (stream.Users.Length * 2L) + 16_384,
            EventCapacity = 4096,
            PriceLevelCapacity = stream.Preload >= 100_000 ? 8192 : 4096,

            // Deep books (W2: ~120 orders per level) would otherwise grow level queues during the timed run.
            OrdersPerLevelCapacity = stream.Preload >= 100_000 ? 512 : 16,
        });
        Engine.AddInstrument(new InstrumentConfig(Symbol, "BTC", "USD", CommandStream.TickSatoshis, CommandStream.LotSatoshis));
        foreach (var user in stream.Users)
        {
            Engine.CreditDeposit(BrokerId, user, "BTC", Funding);
            Engine.CreditDeposit(BrokerId, user, "USD", Funding);
        }
    }

    public MatchingEngine Engine { get; }

    public long Trades { get; private set; }

    public long Volume { get; private set; }

    public ulong Notional { get; private set; }

    public long Rejects { get; private set; }

    /// <summary>How many commands ahead of the one it applies <see cref="Run"/> announces to the engine
    /// (<see cref="MatchingEngine.Prefetch(in CancelOrder)"/>), as an engine fed from an input ring would; 0 turns lookahead off.</summary>
    public int Lookahead { get; set; } = DefaultLookahead;

    /// <summary>The default <see cref="Lookahead"/>, the best of 1–8 measured on W2 (README engine section).</summary>
    public const int DefaultLookahead = 4;

    /// <summary>Applies commands [<paramref name="from"/>, <paramref name="to"/>), announcing each <see cref="Lookahead"/> commands early.</summary>
    public void Run(int from, int to)
    {
        var commands = _stream.Commands;
        var ahead = Lookahead;
        for (var i = from; i < Math.Min(from + ahead, to); i++)
        {
            Prefetch(ref commands[i]);
        }

        for (var i = from; i < to; i++)
        {
            if (ahead > 0 && i + ahead < to && Engine.WantsLookahead)
            {
                Prefetch(ref commands[i + ahead]);
            }

            Apply(ref commands[i]);
        }
    }

    /// <summary>Announces a command to the engine (prefetch hints only: results do not change).</summary>
    public void Prefetch(ref StreamCommand command)
    {
        if (command.Kind == StreamCommandKind.Cancel)
        {
            var cancel = new CancelOrder { BrokerId = BrokerId, UserId = command.UserId, OrderId = command.TargetOrderId };
            Engine.Prefetch(in cancel);
            return;
        }

        var order = NewOrderOf(ref command);
        Engine.Prefetch(in order);
    }

    /// <summary>Applies one command and folds its trades into the digest counters.</summary>
    public void Apply(ref StreamCommand command)
    {
        if (command.Kind == StreamCommandKind.Cancel)
        {
            var cancel = new CancelOrder { BrokerId = BrokerId, UserId = command.UserId, OrderId = command.TargetOrderId };
            if (Engine.CancelOrder(in cancel) == CancelResult.UnknownOrder)
            {
                Rejects++;
            }

            return;
        }

        var order = NewOrderOf(ref command);
        Engine.PlaceOrder(in order);
        foreach (ref readonly var trade in Engine.Events.Trades)
        {
            var lots = trade.Quantity / CommandStream.LotSatoshis;
            Trades++;
            Volume += lots;
            Notional += (ulong)(trade.Price / CommandStream.TickSatoshis) * (ulong)lots;
        }
    }

    private NewOrder NewOrderOf(ref StreamCommand command) =>
        new()
        {
            BrokerId = BrokerId,
            UserId = command.UserId,
            Symbol = _symbol,
            Side = command.Side,
            OrderType = command.Kind == StreamCommandKind.Market ? OrderType.Market : OrderType.Limit,
            TimeInForce = command.TimeInForce,
            Price = command.Price,
            Quantity = command.Quantity,
        };

    /// <summary>The FORMAT.md §5 digest line of the engine's current state.</summary>
    public string Digest()
    {
        var hasher = new BookHasher(_stream.StreamIdByEngineId);
        Engine.VisitBook(Symbol, Side.Buy, ref hasher);
        Engine.VisitBook(Symbol, Side.Sell, ref hasher);
        return string.Create(CultureInfo.InvariantCulture,
            $"trades={Trades} volume={Volume} notional={Notional} rejects={Rejects} book={hasher.Hash:x16}");
    }

    /// <summary>FNV-1a 64 over <c>&lt;orderId&gt;:&lt;leavesQty&gt;;</c> per resting order, bids then asks, in priority order.</summary>
    private struct BookHasher(long[] streamIdByEngineId) : IBookVisitor
    {
        public ulong Hash { get; private set; } = 0xcbf29ce484222325UL;

        public void Visit(long orderId, long price, long leavesQty)
        {
            Span<byte> text = stackalloc byte[48];
            var streamId = streamIdByEngineId[orderId];
            streamId.TryFormat(text, out var written, default, CultureInfo.InvariantCulture);
            text[written++] = (byte)':';
            (leavesQty / CommandStream.LotSatoshis).TryFormat(text[written..], out var qtyWritten, default, CultureInfo.InvariantCulture);
            written += qtyWritten;
            text[written++] = (byte)';';
            var hash = Hash;
            foreach (var b in text[..written])
            {
                hash = (hash ^ b) * 0x100000001b3UL;
            }

            Hash = hash;
        }
    }
}
