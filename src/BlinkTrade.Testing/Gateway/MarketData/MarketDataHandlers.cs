using BlinkTrade.Client.Protocol;
using BlinkTrade.Testing.Gateway.Dispatch;
using BlinkTrade.Testing.Gateway.Handlers;
using BlinkTrade.Testing.Gateway.MarketData;
using BlinkTrade.Testing.Gateway.Sessions;
using BlinkTrade.Testing.Gateway.Wire;

namespace BlinkTrade.Testing.Gateway.MarketData;

/// <summary>Public market data: V (W/X/Y), x (y), e (f), U32 (U33).</summary>
internal static class MarketDataHandlers
{
    /// <summary>
    /// V: one W per instrument, then (type 1) X incrementals — of the first <c>MarketDepth</c> orders per side when it is
    /// above 0 (<see cref="DepthWindow"/>), or in full-refresh mode (<c>MDUpdateType "0"</c>) a new W per change; type 0
    /// gets the W only; type 2 unsubscribes silently; unknown symbols get Y.
    /// </summary>
    public static async ValueTask MarketDataRequestAsync(GatewayServices services, ExchangeSession session, GatewayRequest message, CancellationToken cancellationToken)
    {
        var mdReqId = message.RequestIdElement ?? throw GatewayException.MissingTag("MDReqID");
        var request = message.Read<MarketDataRequest>();
        message.Require("SubscriptionRequestType");
        var type = request.SubscriptionRequestType;
        if (type == SubscriptionRequestType.Unsubscribe)
        {
            await services.Actor.InvokeAsync(state => state.MarketData.Unsubscribe(session, mdReqId), cancellationToken).ConfigureAwait(false);
            return;
        }
        if (type != SubscriptionRequestType.Snapshot && type != SubscriptionRequestType.SnapshotAndUpdates)
        {
            throw GatewayException.InvalidValue("SubscriptionRequestType", type.Value);
        }
        var depth = request.MarketDepth;
        if (depth < 0)
        {
            throw GatewayException.InvalidValue("MarketDepth", depth.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        // MDUpdateType "0" (full refresh): every change is sent as a W of the subscriber's depth; "1" (the default): X.
        var fullRefresh = request.MDUpdateType == MarketDataUpdateType.FullRefresh;
        if (request.MDUpdateType is { } updateType && !fullRefresh && updateType != MarketDataUpdateType.Incremental)
        {
            throw GatewayException.InvalidValue("MDUpdateType", updateType.Value);
        }
        var instruments = message.Items(request.Instruments, "Instruments") ?? throw GatewayException.MissingTag("Instruments");
        var entryTypes = request.MDEntryTypes?.Select(t => t.Value).ToList() ?? ["0", "1"];
        var book = entryTypes.Contains("0") || entryTypes.Contains("1");
        var trades = entryTypes.Contains("2");
        await services.Actor.InvokeAsync(state =>
        {
            foreach (var instrument in instruments)
            {
                var data = state.MarketData.Find(StripMarket(instrument));
                if (data is null)
                {
                    session.Send(FrameEncoder.Encode(new MarketDataRequestReject
                    {
                        MDReqRejReason = MarketDataRequestRejectReason.UnknownSymbol,
                        Text = $"Unknown symbol {instrument}",
                    }, message));
                    continue;
                }
                session.Send(state.MarketData.Snapshot(data, mdReqId, depth, book, trades, state.Now));
                if (type == SubscriptionRequestType.SnapshotAndUpdates)
                {
                    state.MarketData.Subscribe(data, new BookSubscription(session, mdReqId, book, trades)
                    {
                        // Built on the actor with the snapshot just sent, so the window starts where the subscriber does.
                        Window = book && (depth > 0 || fullRefresh) ? Window(state.MarketData, data.Symbol, depth) : null,
                        FullRefresh = fullRefresh,
                    });
                }
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>x → y: instruments and currencies.</summary>
    public static async ValueTask SecurityListAsync(GatewayServices services, ExchangeSession session, GatewayRequest message, CancellationToken cancellationToken)
    {
        message.Require("SecurityReqID");
        var requestType = message.Read<SecurityListRequest>().SecurityListRequestType;
        if (requestType is < 0 or > 4)
        {
            throw GatewayException.InvalidValue("SecurityListRequestType", requestType.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        await services.ReplyAsync(session, state =>
        {
            var instruments = state.Directory.Instruments.ToList();
            var currencies = state.Directory.Currencies.ToList();
            return FrameEncoder.Encode(new SecurityList
            {
                SecurityResponseID = Guid.NewGuid().ToString("N"),
                SecurityRequestResult = instruments.Count > 0 ? 0 : 2,
                TotalNumSecurities = instruments.Count,
                NoRelatedSym = instruments.Count,
                Instruments = [.. instruments.Select(i => new SecurityInstrument { Symbol = i.Symbol, Currency = i.QuoteCurrency, Description = i.Description, MinQty = Quantity.FromSatoshis(i.MinQty) })],
                TotalNumCurrencies = currencies.Count,
                NoRelatedCurr = currencies.Count,
                Currencies = [.. currencies.Select(c => new SecurityCurrency
                {
                    Code = c.Code,
                    Sign = c.Sign,
                    Description = c.Description,
                    IsCrypto = c.IsCrypto,
                    Pip = c.Pip,
                    NumberOfDecimals = 8,
                    FormatPython = c.Sign + "{:,.8f}",
                    FormatJS = c.Sign + " #,##0.00000000",
                    HumanFormatPython = c.Sign + "{:,.8f}",
                    HumanFormatJS = c.Sign + " #,##0.00000000",
                })],
            }, message);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>e: one f per instrument now, then a new f on every best bid/ask change or trade; type 2 unsubscribes.</summary>
    public static async ValueTask SecurityStatusAsync(GatewayServices services, ExchangeSession session, GatewayRequest message, CancellationToken cancellationToken)
    {
        var requestId = message.RequestIdElement ?? throw GatewayException.MissingTag("SecurityStatusReqID");
        var request = message.Read<SecurityStatusRequest>();
        // Subscribe unless told otherwise.
        var type = message.Has("SubscriptionRequestType") ? request.SubscriptionRequestType : SubscriptionRequestType.SnapshotAndUpdates;
        if (type == SubscriptionRequestType.Unsubscribe)
        {
            await services.Actor.InvokeAsync(state => state.MarketData.UnsubscribeStatus(session, requestId), cancellationToken).ConfigureAwait(false);
            return;
        }
        if (type != SubscriptionRequestType.Snapshot && type != SubscriptionRequestType.SnapshotAndUpdates)
        {
            throw GatewayException.InvalidValue("SubscriptionRequestType", type.Value);
        }
        var instruments = message.Items(request.Instruments, "Instruments") ?? throw GatewayException.MissingTag("Instruments");
        await services.Actor.InvokeAsync(state =>
        {
            foreach (var instrument in instruments)
            {
                var data = state.MarketData.Find(StripMarket(instrument)) ?? throw GatewayException.InvalidValue("Instruments", instrument);
                session.Send(state.MarketData.SecurityStatus(data, requestId, state.Now));
                if (type == SubscriptionRequestType.SnapshotAndUpdates)
                {
                    state.MarketData.SubscribeStatus(data, new StatusSubscription(session, requestId, instrument));
                }
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>U32 → U33: trades newest first; Since &gt; 1e9 is a unix time, otherwise a TradeID (§5 G26); default last 24 h.</summary>
    public static async ValueTask TradeHistoryAsync(GatewayServices services, ExchangeSession session, GatewayRequest message, CancellationToken cancellationToken)
    {
        message.Require("TradeHistoryReqID");
        var request = message.Read<TradeHistoryRequest>();
        var (page, pageSize) = AccountLists.Paging(request.Page, request.PageSize, AccountLists.DefaultPageSize);
        var since = request.Since;
        var symbols = message.Items(request.SymbolList, "SymbolList");
        var terms = Handlers.SearchTerms.Read(message);
        await services.ReplyAsync(session, state =>
        {
            var now = state.Now;
            var trades = state.MarketData.Symbols
                .Where(d => symbols is null || symbols.Count == 0 || symbols.Contains(d.Symbol))
                .SelectMany(d => d.Trades)
                .Where(t => since switch
                {
                    null => now - t.Created <= TimeSpan.FromHours(24),
                    > 1_000_000_000 => t.Created.ToUnixTimeSeconds() >= since.Value,
                    _ => t.TradeId > since.Value,
                })
                .Where(t => terms is null || terms.All(term => Handlers.ListSearch.Trade(t, term)))
                .OrderByDescending(t => t.TradeId)
                .Skip(page * pageSize)
                .Take(pageSize)
                .ToList();
            return AccountLists.Encode(new TradeHistoryResponse
            {
                Since = since,
                TradeHistoryGrp = [.. trades.Select(t => new TradeHistoryEntry
                {
                    TradeID = t.TradeId,
                    Market = t.Symbol,
                    Side = ProtocolCodes.Side(t.AggressorSide),
                    Price = Price.FromSatoshis(t.Price),
                    Size = Quantity.FromSatoshis(t.Quantity),
                    Buyer = t.BuyerId,
                    Seller = t.SellerId,
                    Created = t.Created.UtcDateTime,
                })],
            }, message, page, pageSize);
        }, cancellationToken).ConfigureAwait(false);
    }

    private static DepthWindow Window(MarketDataHub hub, string symbol, int depth)
    {
        var (bids, asks) = hub.Top(symbol, depth);
        return new DepthWindow(depth, bids, asks);
    }

    // 2016+ clients name instruments "MARKET:SYMBOL" (e.g. "BLINK:BTCUSD").
    private static string StripMarket(string instrument)
    {
        var colon = instrument.LastIndexOf(':');
        return colon >= 0 ? instrument[(colon + 1)..] : instrument;
    }

}
