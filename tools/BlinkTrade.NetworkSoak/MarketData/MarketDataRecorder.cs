using System.Collections.Concurrent;
using BlinkTrade.Client;
using BlinkTrade.Client.MarketData;
using BlinkTrade.Client.Protocol;
using BlinkTrade.NetworkSoak.Trading;

namespace BlinkTrade.NetworkSoak.MarketData;

/// <summary>alice's market data for the whole run, as a subscriber sees it: the BTCUSD book (full depth, and a top-5
/// book: a second wire subscription), its trades and its ticker, subscribed once before trading starts and never disposed while the client lives. Records every trade,
/// checks every published book as it arrives — its shape, and against the books before it (a replica that applied an
/// update wrongly shows up here even when a later snapshot repairs it) — and notes any end of a stream (OnError or OnCompleted: the client promises neither
/// while it lives).</summary>
internal sealed class MarketDataRecorder : IDisposable
{
    private readonly SoakLog _log;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly OrderHistory _history = new();
    private int _tops;
    private int _books;
    private int _resets;
    private int _tickers;
    private OrderBookSnapshot? _lastBook;

    public MarketDataRecorder(SoakLog log, BlinkTradeClient alice)
    {
        _log = log;
        _subscriptions.Add(alice.ObserveOrderBook(TradingPrices.Symbol).Subscribe(OnBook, e => Ended("book", e), () => Ended("book", null)));
        _subscriptions.Add(alice.ObserveOrderBook(TradingPrices.Symbol, TopOptions).Subscribe(OnTop, e => Ended("top-5 book", e), () => Ended("top-5 book", null)));
        _subscriptions.Add(alice.ObserveTrades(TradingPrices.Symbol).Subscribe(Trades.Enqueue, e => Ended("trades", e), () => Ended("trades", null)));
        _subscriptions.Add(alice.ObserveTicker(TradingPrices.Symbol).Subscribe(_ => Interlocked.Increment(ref _tickers), e => Ended("ticker", e), () => Ended("ticker", null)));
    }

    /// <summary>The depth-limited book also followed: the exchange keeps a window per such subscriber and sends the order
    /// that moves up into it, so it is checked against the exchange's first <see cref="TopDepth"/> orders per side.</summary>
    public const int TopDepth = 5;

    public static OrderBookOptions TopOptions { get; } = new() { MarketDepth = TopDepth };

    /// <summary>Every trade the stream delivered, in delivery order.</summary>
    public ConcurrentQueue<MarketTrade> Trades { get; } = new();

    /// <summary>Books published that were not a valid book (crossed, unsorted, an empty size, an order twice) or that
    /// contradict the books before them (<see cref="OrderHistory"/>).</summary>
    public ConcurrentQueue<string> MalformedBooks { get; } = new();

    /// <summary>Streams that ended while the client lived (OnError / OnCompleted).</summary>
    public ConcurrentQueue<string> Ends { get; } = new();

    public int Books => Volatile.Read(ref _books);

    public int Resets => Volatile.Read(ref _resets);

    public int Tickers => Volatile.Read(ref _tickers);

    public int TopBooks => Volatile.Read(ref _tops);

    public OrderBookSnapshot? LastBook => Volatile.Read(ref _lastBook);

    private void OnBook(OrderBookSnapshot book)
    {
        Interlocked.Increment(ref _books);
        if (book.IsReset)
        {
            Interlocked.Increment(ref _resets);
            _log.Write($"alice BOOK reset #{Resets}: seq {book.Sequence}, {book.Bids.Count} bids, {book.Asks.Count} asks", echo: false);
        }
        Volatile.Write(ref _lastBook, book);
        var contradiction = _history.Add(book); // always: the history must follow every book
        if ((BookComparison.Malformed(book) ?? contradiction) is { } problem)
        {
            MalformedBooks.Enqueue($"seq {book.Sequence}: {problem}");
            _log.Write($"alice BOOK malformed seq {book.Sequence}: {problem}", echo: false);
        }
    }

    // A window's orders leave it and come back, so only its shape is checked book by book (and its size).
    private void OnTop(OrderBookSnapshot book)
    {
        Interlocked.Increment(ref _tops);
        var problem = BookComparison.Malformed(book)
            ?? (book.Bids.Count > TopDepth || book.Asks.Count > TopDepth ? $"{book.Bids.Count} bids and {book.Asks.Count} asks in a top-{TopDepth} book" : null);
        if (problem is not null)
        {
            MalformedBooks.Enqueue($"top-{TopDepth} seq {book.Sequence}: {problem}");
            _log.Write($"alice TOP-{TopDepth} BOOK malformed seq {book.Sequence}: {problem}", echo: false);
        }
    }

    private void Ended(string stream, Exception? error)
    {
        var what = error is null ? $"{stream} completed" : $"{stream} failed: {error.GetType().Name}: {error.Message}";
        Ends.Enqueue(what);
        _log.Write("alice MARKET DATA " + what);
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }
}
