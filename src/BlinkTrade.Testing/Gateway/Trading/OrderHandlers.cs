using BlinkTrade.Testing.Gateway.Dispatch;
using BlinkTrade.Testing.Gateway.Handlers;
using BlinkTrade.Testing.Accounts;
using BlinkTrade.Testing.Gateway.Sessions;
using BlinkTrade.Testing.Gateway.Wire;
using BlinkTrade.Testing.Matching;
using Protocol = BlinkTrade.Client.Protocol;

namespace BlinkTrade.Testing.Gateway.Trading;

/// <summary>Orders (D, F, U4) and account queries (U2, U34, U42) over the engine.</summary>
internal static class OrderHandlers
{
    /// <summary>One row of U5.</summary>
    internal static Protocol.OrderListEntry ToListEntry(OrderRecord o) => new()
    {
        ClOrdID = o.ClOrdId,
        OrderID = o.OrderId,
        CumQty = Protocol.Quantity.FromSatoshis(o.CumQty),
        OrdStatus = ProtocolCodes.Status(o.Status),
        LeavesQty = Protocol.Quantity.FromSatoshis(o.LeavesQty),
        CxlQty = Protocol.Quantity.FromSatoshis(o.CxlQty),
        AvgPx = Protocol.Price.FromSatoshis(o.AvgPx),
        Symbol = o.Symbol,
        Side = ProtocolCodes.Side(o.Side),
        OrdType = ProtocolCodes.OrdType(o.OrderType),
        OrderQty = Protocol.Quantity.FromSatoshis(o.OrderQty),
        Price = Protocol.Price.FromSatoshis(o.Price),
        OrderDate = o.Created.UtcDateTime,
        Volume = Protocol.Amount.FromSatoshis((long)((Int128)o.AvgPx * o.CumQty / 100_000_000)),
        TimeInForce = ProtocolCodes.TimeInForce(o.TimeInForce),
    };

    /// <summary>One row of U35.</summary>
    private static Protocol.LedgerEntry ToListEntry(LedgerEntry e, string accountName) => new()
    {
        LedgerID = e.LedgerId,
        Currency = e.Currency,
        Operation = e.Operation == LedgerOperation.Credit ? Protocol.LedgerOperation.Credit : Protocol.LedgerOperation.Debit,
        AccountID = e.UserId,
        BrokerID = e.BrokerId,
        PayeeID = e.PayeeUserId,
        PayeeBrokerID = e.PayeeBrokerId,
        Amount = Protocol.Amount.FromSatoshis(e.Amount),
        Balance = Protocol.Amount.FromSatoshis(e.Balance),
        Reference = e.FormatReference(),
        Created = ProtocolCodes.Time(e.Timestamp),
        Description = Protocol.LedgerDescription.FromWire(e.Kind.ToWireCode()),
        AccountName = accountName,
    };

    /// <summary>D: decoded into the SDK's <see cref="Protocol.NewOrderSingle"/> and validated here (ERROR for malformed
    /// fields, in bitex's order); business rejects come back as ER "8" from the engine.</summary>
    public static async ValueTask NewOrderAsync(GatewayServices services, ExchangeSession session, GatewayRequest message, CancellationToken cancellationToken)
    {
        var request = (Identity: session.Identity!, Order: ReadNewOrder(message), Session: session);
        await services.Actor.InvokeValueAsync(request, static (state, r) =>
        {
            var account = AccountResolver.Resolve(state, r.Identity, r.Order.ClientId);
            return state.PlaceOrder(r.Order.ToNewOrder(state, account), r.Identity.UserId, r.Session);
        }, AnnounceOrder, cancellationToken).ConfigureAwait(false);
    }

    // Run by the actor a few work items before the order when requests queue up: tells the engine which order comes
    // (prefetch hints only). Skipped while the engine does not want announcements (a book that fits in the caches), and
    // for orders acting for another account (ClientID: the look-up is left to the order itself).
    private static void AnnounceOrder(ExchangeState state, (SessionIdentity Identity, NewOrderFields Order, ExchangeSession Session) request)
    {
        if (state.Engine.WantsLookahead && string.IsNullOrEmpty(request.Order.ClientId) && state.Directory.FindUser(request.Identity.UserId) is { } self)
        {
            state.Engine.Prefetch(request.Order.ToNewOrder(state, self));
        }
    }

    /// <summary>
    /// D's fields, decoded into the SDK's <see cref="Protocol.NewOrderSingle"/> and checked in bitex's order: ERROR
    /// "Missing tag X" / "Invalid value tag(X)=v" for a malformed field, before the order reaches the engine.
    /// </summary>
    internal static NewOrderFields ReadNewOrder(GatewayRequest message)
    {
        var order = message.Read<Protocol.NewOrderSingle>();
        // §5 G16: a ClOrdID is a JSON string (the record also takes a number as its text).
        // The correlation field is left out of the record when it cannot hold it (an object): then refused here.
        var clOrdId = order.ClOrdID ?? message.GetOptionalStrictString("ClOrdID") ?? throw GatewayException.MissingTag("ClOrdID");
        if (!message.IsString("ClOrdID"))
        {
            throw GatewayException.InvalidValue("ClOrdID", clOrdId);
        }
        if (clOrdId.Length is 0 or > 30)
        {
            throw GatewayException.InvalidValue("ClOrdID", clOrdId);
        }
        var symbol = order.Symbol ?? throw GatewayException.MissingTag("Symbol");
        message.Require("Side");
        var side = order.Side == Protocol.Side.Buy ? Side.Buy
            : order.Side == Protocol.Side.Sell ? Side.Sell
            : throw GatewayException.InvalidValue("Side", order.Side.Value);
        message.Require("OrdType");
        var type = order.OrdType == Protocol.OrdType.Market ? OrderType.Market
            : order.OrdType == Protocol.OrdType.Limit ? OrderType.Limit
            : order.OrdType == Protocol.OrdType.Stop ? OrderType.Stop
            : order.OrdType == Protocol.OrdType.StopLimit ? OrderType.StopLimit
            : throw GatewayException.InvalidValue("OrdType", order.OrdType.Value);
        message.Require("OrderQty");
        var quantity = order.OrderQty.Satoshis;
        if (quantity <= 0)
        {
            throw GatewayException.InvalidValue("OrderQty", quantity.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        long price = 0, stopPx = 0;
        if (type is OrderType.Limit or OrderType.StopLimit)
        {
            price = Positive(order.Price, "Price");
        }
        if (type is OrderType.Stop or OrderType.StopLimit)
        {
            stopPx = Positive(order.StopPx, "StopPx");
        }
        var tif = order.TimeInForce switch
        {
            null => TimeInForce.GoodTillCancel,
            var t when t == Protocol.TimeInForce.GoodTillCancel => TimeInForce.GoodTillCancel,
            var t when t == Protocol.TimeInForce.Day => TimeInForce.Day,
            var t when t == Protocol.TimeInForce.ImmediateOrCancel => TimeInForce.ImmediateOrCancel,
            var t when t == Protocol.TimeInForce.FillOrKill => TimeInForce.FillOrKill,
            var other => throw GatewayException.InvalidValue("TimeInForce", other.Value.Value),
        };
        var postOnly = order.ExecInst switch
        {
            null => false,
            { Value: "" } => false,
            var e when e == Protocol.ExecInst.PostOnly => true,
            var other => throw GatewayException.InvalidValue("ExecInst", other.Value.Value),
        };

        return new NewOrderFields(clOrdId, symbol, side, type, quantity, price, stopPx, tif, postOnly, order.ClientID);
    }

    // A price the order type needs: present and above zero.
    private static long Positive(Protocol.Price? value, string tag)
    {
        var satoshis = (value ?? throw GatewayException.MissingTag(tag)).Satoshis;
        return satoshis > 0 ? satoshis : throw GatewayException.InvalidValue(tag, satoshis.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>F: by OrigClOrdID/ClOrdID, by OrderID, or all of one Side. A cancel of an order that is not open (filled,
    /// cancelled, rejected, unknown) is answered at once with ERROR "Invalid Parameter" whose ReqID names the order as
    /// the request did — ClOrdID, else OrigClOrdID, else OrderID — and whose Detail says why (§5 G15).</summary>
    public static async ValueTask CancelOrderAsync(GatewayServices services, ExchangeSession session, GatewayRequest message, CancellationToken cancellationToken)
    {
        var identity = session.Identity!;
        // The record has no Symbol or ClientID: those two are read from the request's fields.
        var cancel = message.Read<Protocol.OrderCancelRequest>("Symbol", "ClientID");
        var origClOrdId = cancel.OrigClOrdID;
        var clOrdId = message.GetOptionalString("ClOrdID"); // the correlation field: any JSON string or number
        var orderId = cancel.OrderID;
        Side? side = cancel.Side switch
        {
            null => null,
            var s when s == Protocol.Side.Buy => Side.Buy,
            var s when s == Protocol.Side.Sell => Side.Sell,
            var other => throw GatewayException.InvalidValue("Side", other.Value.Value),
        };
        var symbol = message.GetOptionalString("Symbol");
        var clientId = message.GetOptionalString("ClientID");
        // A static work item with its argument: a cancel costs no closure and no delegate of its own, and the work item
        // holds no reference to the request, whose buffers go back to their pools once the handler returns.
        var request = (Session: session, Identity: identity, ClientId: clientId, OrderId: orderId, OrigClOrdId: origClOrdId, ClOrdId: clOrdId, Side: side, Symbol: symbol);
        var notOpen = await services.Actor.InvokeValueAsync(request, static (state, r) =>
        {
            var account = AccountResolver.Resolve(state, r.Identity, r.ClientId);
            if (r.OrderId is null && r.OrigClOrdId is null && r.ClOrdId is null)
            {
                if (r.Side is null)
                {
                    throw GatewayException.MissingTag("Side");
                }
                state.Engine.CancelAllOrders(new CancelAllOrders { BrokerId = account.BrokerId, UserId = account.UserId, Side = r.Side, Symbol = r.Symbol, Timestamp = state.NowTicks });
                state.PublishEngineEvents(r.Session);
                return null;
            }
            var result = state.Engine.CancelOrder(new CancelOrder
            {
                BrokerId = account.BrokerId,
                UserId = account.UserId,
                OrderId = r.OrderId ?? 0,
                OrigClOrdId = r.OrigClOrdId,
                ClOrdId = r.OrigClOrdId is null ? r.ClOrdId : null,
                Timestamp = state.NowTicks,
            });
            state.PublishEngineEvents(r.Session);
            return result == CancelResult.Canceled ? null : WhyNotOpen(state, account.UserId, r.OrderId, r.OrigClOrdId ?? r.ClOrdId);
        }, announce: null, cancellationToken).ConfigureAwait(false);
        if (notOpen is not null)
        {
            // Not thrown: a cancel that lost the race with a fill is routine for a trading bot (docs/performance.md,
            // "Gateway throughput", the late cancels), and the same ERROR without the throw costs a fraction of it.
            session.Refuse(message, GatewayErrors.InvalidParameter, notOpen, message.RequestId ?? OrderReference(message));
        }
    }

    // The ERROR's Detail for a cancel that found no open order: the order's state when this account has it.
    private static string WhyNotOpen(ExchangeState state, int userId, long? orderId, string? clOrdId)
    {
        OrderRecord? record = null;
        if (orderId is { } id)
        {
            record = state.Orders.GetValueOrDefault(id) is { } byId && (byId.UserId == userId || byId.SenderUserId == userId) ? byId : null;
        }
        else if (clOrdId is not null && state.OrdersByUser.TryGetValue(userId, out var orders))
        {
            // Newest first, without a closure: the order a late cancel names is among the user's last ones.
            for (var i = orders.Count - 1; i >= 0 && record is null; i--)
            {
                record = string.Equals(orders[i].ClOrdId, clOrdId, StringComparison.Ordinal) ? orders[i] : null;
            }
        }
        return record?.Status switch
        {
            OrderStatus.Filled => "Order not open: already filled",
            OrderStatus.Canceled => "Order not open: already cancelled",
            OrderStatus.Rejected => "Order not open: rejected",
            _ => "Order not found",
        };
    }

    private static ReadOnlyMemory<byte>? OrderReference(GatewayRequest message)
        => message.GetRaw("OrigClOrdID") ?? message.GetRaw("OrderID");

    /// <summary>U2 → U3: every currency's total and <c>_locked</c> under the broker id key (§2.2).</summary>
    public static async ValueTask BalanceAsync(GatewayServices services, ExchangeSession session, GatewayRequest message, CancellationToken cancellationToken)
    {
        var identity = session.Identity!;
        message.Require("BalanceReqID");
        await services.ReplyAsync(session, state =>
        {
            var account = AccountResolver.Resolve(state, identity, message);
            return BalanceReply(message, account.UserId, account.BrokerId, state.Engine.Accounts.GetBalances(account.BrokerId, account.UserId));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>U3: every currency's total and <c>_locked</c> under the broker id key, echoing the request id.</summary>
    internal static byte[] BalanceReply(GatewayRequest message, int userId, int brokerId, IReadOnlyDictionary<string, Balance> balances)
    {
        var currencies = new Dictionary<string, Protocol.CurrencyBalance>(balances.Count, StringComparer.Ordinal);
        foreach (var (currency, balance) in balances)
        {
            currencies[currency] = new Protocol.CurrencyBalance(Protocol.Amount.FromSatoshis(balance.Total), Protocol.Amount.FromSatoshis(balance.Locked));
        }
        return FrameEncoder.Encode(new Protocol.UserBalanceResponse
        {
            ClientID = userId,
            Balances = new BlinkTrade.Client.Internal.SingleEntryDictionary<int, Protocol.BrokerBalances>(brokerId, Protocol.BrokerBalances.FromOwned(currencies)),
        }, message);
    }

    /// <summary>U4 → U5: the account's orders, newest first, with has_leaves_qty / has_cum_qty / has_cxl_qty filters.</summary>
    public static ValueTask OrderListAsync(GatewayServices services, ExchangeSession session, GatewayRequest message, CancellationToken cancellationToken)
        => AccountLists.ReplyAsync(services, session, message, m => ParseOrderFilters(m.GetOptionalStringArray("Filter")),
            (state, account, filters, page, pageSize) =>
            {
                var orders = state.OrdersByUser.TryGetValue(account.UserId, out var list) ? list : [];
                return new Protocol.OrdersListResponse
                {
                    OrdListGrp = [.. Enumerable.Reverse(orders).Where(o => filters.All(f => f(o))).Skip(page * pageSize).Take(pageSize).Select(ToListEntry)],
                };
            }, cancellationToken);

    /// <summary>U34 → U35: the account's ledger, newest first, optionally one currency and matching search terms (§5 G42).</summary>
    public static ValueTask LedgerAsync(GatewayServices services, ExchangeSession session, GatewayRequest message, CancellationToken cancellationToken)
        => AccountLists.ReplyAsync(services, session, message, m => (Currency: m.GetOptionalString("Currency"), Terms: SearchTerms.Read(m)),
            (state, account, filter, page, pageSize) => new Protocol.LedgerListResponse
            {
                LedgerListGrp = [.. state.Engine.Accounts.GetLedger(account.BrokerId, account.UserId, filter.Currency, page, pageSize,
                    filter.Terms is { } terms ? entry => terms.All(t => ListSearch.Ledger(state, entry, account.Username, t)) : null).Select(entry => ToListEntry(entry, account.Username))],
            }, cancellationToken);

    /// <summary>U42 → U43: positions are credit for unconfirmed crypto deposits, which this exchange never extends (§5 G37).</summary>
    public static async ValueTask PositionAsync(GatewayServices services, ExchangeSession session, GatewayRequest message, CancellationToken cancellationToken)
    {
        var identity = session.Identity!;
        message.Require("PositionReqID");
        var account = await services.Actor.InvokeAsync(state => AccountResolver.Resolve(state, identity, message), cancellationToken).ConfigureAwait(false);
        session.Send(FrameEncoder.Encode(new Protocol.PositionResponse
        {
            ClientID = account.UserId,
            Positions = new Dictionary<int, IReadOnlyDictionary<string, Protocol.Amount>> { [account.BrokerId] = new Dictionary<string, Protocol.Amount>() },
        }, message));
    }

    private static List<Func<OrderRecord, bool>> ParseOrderFilters(IReadOnlyList<string>? filters)
    {
        var result = new List<Func<OrderRecord, bool>>();
        foreach (var filter in filters ?? [])
        {
            var parts = filter.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 3 || parts[1] != "eq" || parts[2] is not ("0" or "1"))
            {
                throw GatewayException.InvalidValue("Filter", filter);
            }
            var wanted = parts[2] == "1";
            result.Add(parts[0] switch
            {
                "has_leaves_qty" => o => o.LeavesQty > 0 == wanted,
                "has_cum_qty" => o => o.CumQty > 0 == wanted,
                "has_cxl_qty" => o => o.CxlQty > 0 == wanted,
                _ => throw GatewayException.InvalidValue("Filter", filter),
            });
        }
        return result;
    }
}
