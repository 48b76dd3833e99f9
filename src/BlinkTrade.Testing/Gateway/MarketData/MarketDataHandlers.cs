using System.Text.Json;
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
    private static readonly string[] TradeColumns = ["TradeID", "Market", "Side", "Price", "Size", "Buyer", "Seller", "Created"];

    /// <summary>V: one W per instrument then X incrementals (type 1); type 2 unsubscribes silently; unknown symbols get Y.</summary>
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
                    session.Send(Frames.Build("Y", w =>
                    {
                        w.WritePropertyName("MDReqID");
                        mdReqId.WriteTo(w);
                        w.WriteString("MDReqRejReason", "0");
                        w.WriteString("Text", $"Unknown symbol {instrument}");
                    }));
                    continue;
                }
                session.Send(state.MarketData.Snapshot(data, mdReqId, depth, book, trades, state.Now));
                if (type == SubscriptionRequestType.SnapshotAndUpdates)
                {
                    state.MarketData.Subscribe(data, new BookSubscription(session, mdReqId, book, trades));
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
            return Frames.Build("y", w =>
            {
                w.WriteRequestId(message);
                w.WriteString("SecurityResponseID", Guid.NewGuid().ToString("N"));
                w.WriteNumber("SecurityRequestResult", instruments.Count > 0 ? 0 : 2);
                w.WriteNumber("TotalNumSecurities", instruments.Count);
                w.WriteNumber("NoRelatedSym", instruments.Count);
                w.WriteStartArray("Instruments");
                foreach (var instrument in instruments)
                {
                    w.WriteStartObject();
                    w.WriteString("Symbol", instrument.Symbol);
                    w.WriteString("Currency", instrument.QuoteCurrency);
                    w.WriteString("Description", instrument.Description);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteNumber("TotalNumCurrencies", currencies.Count);
                w.WriteNumber("NoRelatedCurr", currencies.Count);
                w.WriteStartArray("Currencies");
                foreach (var currency in currencies)
                {
                    w.WriteStartObject();
                    w.WriteString("Code", currency.Code);
                    w.WriteString("Sign", currency.Sign);
                    w.WriteString("Description", currency.Description);
                    w.WriteBoolean("IsCrypto", currency.IsCrypto);
                    w.WriteNumber("Pip", currency.Pip);
                    w.WriteNumber("NumberOfDecimals", 8);
                    w.WriteString("FormatPython", currency.Sign + "{:,.8f}");
                    w.WriteString("FormatJS", currency.Sign + " #,##0.00000000");
                    w.WriteString("HumanFormatPython", currency.Sign + "{:,.8f}");
                    w.WriteString("HumanFormatJS", currency.Sign + " #,##0.00000000");
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            });
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
        var (page, pageSize) = ColumnarList.Paging(request.Page, request.PageSize, AccountLists.DefaultPageSize);
        var since = request.Since;
        var symbols = message.Items(request.SymbolList, "SymbolList");
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
                .OrderByDescending(t => t.TradeId)
                .Skip(page * pageSize)
                .Take(pageSize)
                .ToList();
            return Frames.Build("U33", w =>
            {
                w.WriteRequestId(message);
                if (since is { } s)
                {
                    w.WriteNumber("Since", s);
                }
                ColumnarList.Write(w, page, pageSize, TradeColumns, "TradeHistoryGrp", trades, (row, t) =>
                {
                    row.WriteNumberValue(t.TradeId);
                    row.WriteStringValue(t.Symbol);
                    row.WriteStringValue(WireCodes.Side(t.AggressorSide));
                    row.WriteNumberValue(t.Price);
                    row.WriteNumberValue(t.Quantity);
                    row.WriteNumberValue(t.BuyerId);
                    row.WriteNumberValue(t.SellerId);
                    row.WriteStringValue(Frames.FormatDateTime(t.Created));
                });
            });
        }, cancellationToken).ConfigureAwait(false);
    }

    // 2016+ clients name instruments "MARKET:SYMBOL" (e.g. "BLINK:BTCUSD").
    private static string StripMarket(string instrument)
    {
        var colon = instrument.LastIndexOf(':');
        return colon >= 0 ? instrument[(colon + 1)..] : instrument;
    }

}
