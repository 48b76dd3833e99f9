using System.Reactive.Disposables;
using System.Reactive.Linq;
using BlinkTrade.Client.Diagnostics;
using BlinkTrade.Client.Internal;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Session;

namespace BlinkTrade.Client.MarketData;

/// <summary>The market-data feature: ref-counted order-book, trade and ticker subscriptions (PROTOCOL.md §2.4, §3.8),
/// local books kept from W/X with resync on a gap, and every subscription requested again on a new connection.</summary>
internal sealed partial class MarketDataFeature(ClientCore core) : IClientFeature
{
    private readonly object _marketDataGate = new();
    private readonly Dictionary<BookKey, BookSubscription> _booksByKey = [];
    private readonly Dictionary<long, BookSubscription> _booksByReqId = [];
    private readonly Dictionary<string, TickerSubscription> _tickersBySymbol = new(StringComparer.Ordinal);
    private readonly Dictionary<long, TickerSubscription> _tickersByReqId = [];

    public IObservable<OrderBookSnapshot> ObserveOrderBook(string symbol) => ObserveBook(symbol, OrderBookOptions.FullBook, static s => s.Books);

    public IObservable<OrderBookSnapshot> ObserveOrderBook(string symbol, OrderBookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ObserveBook(symbol, options, static s => s.Books);
    }

    public IObservable<MarketTrade> ObserveTrades(string symbol) => ObserveBook(symbol, OrderBookOptions.FullBook, static s => s.Trades);

    // Books and trades share one wire subscription per symbol and options (W/X carry both), ref-counted across both streams.
    private IObservable<T> ObserveBook<T>(string symbol, OrderBookOptions options, Func<BookSubscription, IObservable<T>> stream)
    {
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        var key = new BookKey(symbol, options.MarketDepth, options.FullRefresh);
        return Observable.Create<T>(observer =>
        {
            var (subscription, created) = AcquireBook(key);
            // Subscribed before the wire request goes out, so the snapshot (and its trades) reach this observer.
            var inner = stream(subscription).Subscribe(observer);
            StartBook(subscription, created);
            return Disposable.Create(() =>
            {
                inner.Dispose();
                ReleaseBook(subscription);
            });
        });
    }

    public IObservable<Ticker> ObserveTicker(string symbol)
    {
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        return Observable.Create<Ticker>(observer =>
        {
            var subscription = AcquireTicker(symbol);
            var inner = subscription.Ticks.Subscribe(observer);
            return Disposable.Create(() =>
            {
                inner.Dispose();
                ReleaseTicker(subscription);
            });
        });
    }

    // Snapshot only (SubscriptionRequestType "0"): one W or Y under a fresh MDReqID, which no book subscription owns,
    // so the receive loop's book handlers ignore it and only this request sees it.
    public async Task<OrderBookSnapshot> GetOrderBookAsync(string symbol, OrderBookOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        var id = core.Ids.Next();
        var request = new MarketDataRequest
        {
            MDReqID = id,
            SubscriptionRequestType = SubscriptionRequestType.Snapshot,
            MarketDepth = (options ?? OrderBookOptions.FullBook).MarketDepth,
            MDEntryTypes = [MarketDataEntryType.Bid, MarketDataEntryType.Offer],
            Instruments = [symbol],
        };
        var response = await core.RequestOnReadySessionAsync<BlinkTradeMessage>(request, ClientCore.IdText(id), [MessageTypes.MarketDataFullRefresh, MessageTypes.MarketDataRequestReject], null, cancellationToken)
            .ConfigureAwait(false);
        if (response is MarketDataRequestReject reject)
        {
            throw new MarketDataRejectedException(symbol, reject.MDReqRejReason?.Value, reject.Text);
        }
        var full = response as MarketDataFullRefresh ?? throw new ProtocolException(ProtocolErrorKind.InvalidField, "The snapshot answer is not a W.", ReadOnlyMemory<byte>.Empty, response.MsgType);
        var book = new LocalOrderBook(symbol);
        if (!book.TryReset(full.MDFullGrp))
        {
            throw new ProtocolException(ProtocolErrorKind.InvalidField, "The snapshot's book positions are inconsistent.", ReadOnlyMemory<byte>.Empty, response.MsgType);
        }
        return book.ToSnapshot(1, isReset: true, core.Time.GetUtcNow());
    }

    public Task<SecurityList> GetSecurityListAsync(CancellationToken cancellationToken = default)
    {
        var id = core.Ids.Next();
        var request = new SecurityListRequest { SecurityReqID = id, SecurityListRequestType = 0 };
        return core.RequestAsync<SecurityList>(request, ClientCore.IdText(id), MessageTypes.SecurityList, null, cancellationToken);
    }

    private (BookSubscription Subscription, bool Created) AcquireBook(BookKey key)
    {
        BookSubscription? created = null;
        BookSubscription subscription;
        lock (_marketDataGate)
        {
            if (!_booksByKey.TryGetValue(key, out subscription!))
            {
                var name = key.MarketDepth == 0 && !key.FullRefresh ? key.Symbol : key.ToString();
                subscription = created = new BookSubscription(key.Symbol,
                    core.CreateStateSubject<OrderBookSnapshot>("OrderBook(" + name + ")"),
                    core.CreateEventSubject<MarketTrade>("Trades(" + name + ")"))
                {
                    Key = key,
                };
                subscription.MDReqID = core.Ids.Next();
                _booksByKey.Add(key, subscription);
                _booksByReqId.Add(subscription.MDReqID, subscription);
            }
            subscription.RefCount++;
        }
        return (subscription, created is not null);
    }

    // Sends the wire subscription of a book the first subscriber just created.
    private void StartBook(BookSubscription subscription, bool created)
    {
        if (created)
        {
            // When not connected yet (or reconnecting), RestoreAsync sends it once the session is up.
            ArmSnapshotWatchdog(subscription);
            _ = core.TrySendAsync(BookRequest(subscription, SubscriptionRequestType.SnapshotAndUpdates));
        }
    }

    private void ReleaseBook(BookSubscription subscription)
    {
        lock (_marketDataGate)
        {
            if (--subscription.RefCount > 0)
            {
                return;
            }
            _booksByKey.Remove(subscription.Key);
            _booksByReqId.Remove(subscription.MDReqID);
        }
        subscription.SnapshotTimer?.Dispose();
        _ = core.TrySendAsync(BookRequest(subscription, SubscriptionRequestType.Unsubscribe));
        subscription.Books.OnCompleted();
        subscription.Trades.OnCompleted();
    }

    private TickerSubscription AcquireTicker(string symbol)
    {
        TickerSubscription? created = null;
        TickerSubscription subscription;
        lock (_marketDataGate)
        {
            if (!_tickersBySymbol.TryGetValue(symbol, out subscription!))
            {
                subscription = created = new TickerSubscription(symbol, core.CreateStateSubject<Ticker>("Ticker(" + symbol + ")"));
                subscription.ReqID = core.Ids.Next();
                _tickersBySymbol.Add(symbol, subscription);
                _tickersByReqId.Add(subscription.ReqID, subscription);
            }
            subscription.RefCount++;
        }
        if (created is not null)
        {
            _ = core.TrySendAsync(TickerRequest(created, SubscriptionRequestType.SnapshotAndUpdates));
        }
        return subscription;
    }

    private void ReleaseTicker(TickerSubscription subscription)
    {
        lock (_marketDataGate)
        {
            if (--subscription.RefCount > 0)
            {
                return;
            }
            _tickersBySymbol.Remove(subscription.Symbol);
            _tickersByReqId.Remove(subscription.ReqID);
        }
        _ = core.TrySendAsync(TickerRequest(subscription, SubscriptionRequestType.Unsubscribe));
        subscription.Ticks.OnCompleted();
    }

    private static MarketDataRequest BookRequest(BookSubscription subscription, SubscriptionRequestType type) => new()
    {
        MDReqID = subscription.MDReqID,
        SubscriptionRequestType = type,
        MarketDepth = subscription.Key.MarketDepth,
        MDUpdateType = type == SubscriptionRequestType.Unsubscribe ? null
            : subscription.Key.FullRefresh ? MarketDataUpdateType.FullRefresh : MarketDataUpdateType.Incremental,
        MDEntryTypes = type == SubscriptionRequestType.Unsubscribe ? null : [MarketDataEntryType.Bid, MarketDataEntryType.Offer, MarketDataEntryType.Trade],
        Instruments = [subscription.Symbol],
    };

    private static SecurityStatusRequest TickerRequest(TickerSubscription subscription, SubscriptionRequestType type) => new()
    {
        SecurityStatusReqID = subscription.ReqID,
        SubscriptionRequestType = type,
        Instruments = [subscription.Symbol],
    };

    // Receive loop: W, X, Y and f.
    public void Register(MessageRouter router)
    {
        router.On<MarketDataFullRefresh>(OnFullRefresh);
        router.On<MarketDataIncrementalRefresh>(OnIncrementalRefresh);
        router.On<MarketDataRequestReject>(OnMarketDataReject);
        router.On<Ticker>(OnSecurityStatus);
    }

    private void OnSecurityStatus(Ticker status)
    {
        TickerSubscription? ticker;
        lock (_marketDataGate)
        {
            _tickersByReqId.TryGetValue(status.SecurityStatusReqID, out ticker);
        }
        ticker?.Ticks.OnNext(status);
    }

    private BookSubscription? FindBook(long mdReqId)
    {
        lock (_marketDataGate)
        {
            return _booksByReqId.GetValueOrDefault(mdReqId);
        }
    }

    private void OnFullRefresh(MarketDataFullRefresh full)
    {
        if (FindBook(full.MDReqID) is not { } subscription)
        {
            return;
        }
        // In full-refresh mode every change is a W: once synced, a W is an update of the book, not a new start.
        var update = subscription.Synced && subscription.Key.FullRefresh;
        if (!subscription.Book.TryReset(full.MDFullGrp))
        {
            ResyncBook(subscription, "inconsistent snapshot positions");
            return;
        }
        subscription.Synced = true;
        subscription.SnapshotTimer?.Dispose();
        subscription.Books.OnNext(subscription.Book.ToSnapshot(++subscription.Sequence, isReset: !update, core.Time.GetUtcNow()));
        if (!update)
        {
            OnSnapshotTrades(subscription, full.MDFullGrp);
        }
    }

    private void OnIncrementalRefresh(MarketDataIncrementalRefresh incremental)
    {
        if (FindBook(incremental.MDReqID) is not { } subscription || incremental.MDIncGrp is not { } entries)
        {
            return;
        }
        var bookChanged = false;
        // By index, not foreach: the parser hands an array behind the interface, and a foreach over the interface
        // allocates an enumerator per frame (the per-X path of every book subscription: docs/performance.md, 18y).
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.MDEntryType == MarketDataEntryType.Trade)
            {
                OnLiveTrade(subscription, MarketTrade.From(subscription.Symbol, entry));
                continue;
            }
            if (!subscription.Synced || (entry.MDEntryType != MarketDataEntryType.Bid && entry.MDEntryType != MarketDataEntryType.Offer))
            {
                continue;
            }
            if (!subscription.Book.TryApply(entry))
            {
                ResyncBook(subscription, $"{entry.MDUpdateAction} at position {entry.MDEntryPositionNo} does not fit a side of {(entry.MDEntryType == MarketDataEntryType.Bid ? subscription.Book.Bids.Count : subscription.Book.Asks.Count)} orders");
                return;
            }
            bookChanged = true;
        }
        if (bookChanged)
        {
            subscription.Books.OnNext(subscription.Book.ToSnapshot(++subscription.Sequence, isReset: false, core.Time.GetUtcNow()));
        }
    }

    // A gap: stop applying, and ask for a fresh snapshot under a new MDReqID (late X of the old id are then ignored).
    private void ResyncBook(BookSubscription subscription, string reason)
    {
        ClientLog.BookOutOfSync(core.Logger, subscription.Symbol, reason);
        core.Metrics.BookResync(subscription.Symbol);
        core.ReportError(ClientErrorKind.BookOutOfSync, $"Order book {subscription.Symbol} out of sync ({reason}); resubscribing.", null);
        subscription.Synced = false;
        var old = BookRequest(subscription, SubscriptionRequestType.Unsubscribe);
        lock (_marketDataGate)
        {
            _booksByReqId.Remove(subscription.MDReqID);
            subscription.MDReqID = core.Ids.Next();
            _booksByReqId.Add(subscription.MDReqID, subscription);
        }
        ArmSnapshotWatchdog(subscription);
        _ = ResubscribeAsync(old, BookRequest(subscription, SubscriptionRequestType.SnapshotAndUpdates));

        async Task ResubscribeAsync(MarketDataRequest unsubscribe, MarketDataRequest subscribe)
        {
            await core.TrySendAsync(unsubscribe).ConfigureAwait(false);
            await core.TrySendAsync(subscribe).ConfigureAwait(false);
        }
    }

    // Nothing hangs: a subscription whose snapshot does not arrive within the request timeout is requested again.
    private void ArmSnapshotWatchdog(BookSubscription subscription)
    {
        subscription.SnapshotTimer?.Dispose();
        if (core.Options.RequestTimeout == Timeout.InfiniteTimeSpan || core.OpenSession is null)
        {
            subscription.SnapshotTimer = null;
            return;
        }
        var mdReqId = subscription.MDReqID;
        subscription.SnapshotTimer = core.Time.CreateTimer(_ =>
        {
            bool stillWaiting;
            lock (_marketDataGate)
            {
                stillWaiting = !subscription.Synced && subscription.MDReqID == mdReqId && _booksByReqId.ContainsKey(mdReqId);
            }
            if (stillWaiting && core.OpenSession is not null)
            {
                ResyncBook(subscription, $"no snapshot within {core.Options.RequestTimeout}");
            }
        }, null, core.Options.RequestTimeout, Timeout.InfiniteTimeSpan);
    }

    private void OnMarketDataReject(MarketDataRequestReject reject)
    {
        BookSubscription? subscription;
        lock (_marketDataGate)
        {
            if (!_booksByReqId.Remove(reject.MDReqID, out subscription))
            {
                return;
            }
            _booksByKey.Remove(subscription.Key);
        }
        var reason = reject.MDReqRejReason?.Value;
        ClientLog.MarketDataRejected(core.Logger, reject.MDReqID.ToString(System.Globalization.CultureInfo.InvariantCulture), reason);
        var error = new MarketDataRejectedException(subscription.Symbol, reason, reject.Text);
        core.ReportError(ClientErrorKind.MarketDataRejected, error.Message, error);
        subscription.Books.OnError(error);
        subscription.Trades.OnError(error);
    }

    public void OnConnectionLost()
    {
        lock (_marketDataGate)
        {
            foreach (var subscription in _booksByKey.Values)
            {
                subscription.Synced = false;
            }
        }
    }

    // After a (re)connect: every live subscription again, under new request ids; books reset on their new W.
    public async Task RestoreAsync(SessionConnection session, RestoreContext context, CancellationToken cancellationToken)
    {
        List<BlinkTradeMessage> requests = [];
        lock (_marketDataGate)
        {
            foreach (var subscription in _booksByKey.Values)
            {
                subscription.Synced = false;
                _booksByReqId.Remove(subscription.MDReqID);
                subscription.MDReqID = core.Ids.Next();
                _booksByReqId.Add(subscription.MDReqID, subscription);
                ArmSnapshotWatchdog(subscription);
                requests.Add(BookRequest(subscription, SubscriptionRequestType.SnapshotAndUpdates));
            }
            foreach (var subscription in _tickersBySymbol.Values)
            {
                _tickersByReqId.Remove(subscription.ReqID);
                subscription.ReqID = core.Ids.Next();
                _tickersByReqId.Add(subscription.ReqID, subscription);
                requests.Add(TickerRequest(subscription, SubscriptionRequestType.SnapshotAndUpdates));
            }
        }
        foreach (var request in requests)
        {
            await session.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        if (requests.Count > 0)
        {
            ClientLog.Resubscribed(core.Logger, requests.Count);
        }
        lock (_marketDataGate)
        {
            context.Subscriptions = _booksByKey.Count + _tickersBySymbol.Count;
        }
    }

    public void Complete()
    {
        List<BookSubscription> books;
        List<TickerSubscription> tickers;
        lock (_marketDataGate)
        {
            books = [.. _booksByKey.Values];
            tickers = [.. _tickersBySymbol.Values];
            _booksByKey.Clear();
            _booksByReqId.Clear();
            _tickersBySymbol.Clear();
            _tickersByReqId.Clear();
        }
        foreach (var book in books)
        {
            book.SnapshotTimer?.Dispose();
            book.Books.OnCompleted();
            book.Trades.OnCompleted();
        }
        foreach (var ticker in tickers)
        {
            ticker.Ticks.OnCompleted();
        }
    }
}
