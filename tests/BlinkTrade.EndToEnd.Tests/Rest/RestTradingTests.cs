using BlinkTrade.ApiKeys;
using BlinkTrade.Client;
using BlinkTrade.Client.Account;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Requests;
using BlinkTrade.Client.Trading;
using BlinkTrade.EndToEnd.Tests.Support;

namespace BlinkTrade.EndToEnd.Tests.Rest;

/// <summary>Issue #19: trading over <c>POST /tapi/v1/message</c> against the same exchange WebSocket clients trade on.</summary>
public sealed class RestTradingTests
{
    private const long Coin = 1_0000_0000;
    private const string Everything = """{"*":[]}""";

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task An_order_placed_over_rest_is_seen_by_a_websocket_subscriber_and_balances_agree(TransportKind kind)
    {
        using var cts = Wait.Budget(60);
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        var aliceId = await h.CreateUserAsync("alice", usd: 1000 * Coin, cancellationToken: ct);
        await h.CreateUserAsync("bob", btc: 2 * Coin, cancellationToken: ct);
        var key = await h.Exchange.CreateApiKeyAsync(aliceId, Everything, cancellationToken: ct);
        using var rest = await RestHarness.TradeClientAsync(h, key, ct);
        var bob = await h.ConnectAsync("bob", ct, clientIp: "10.0.0.2");
        var aliceWs = await h.ConnectAsync("alice", ct, clientIp: "10.0.0.1");
        var bobReports = new Recorder<ExecutionReport>();
        var aliceWsReports = new Recorder<ExecutionReport>();
        var aliceBalances = new Recorder<BalanceSnapshot>();
        using var s1 = bob.ExecutionReports.Subscribe(bobReports);
        using var s2 = aliceWs.ExecutionReports.Subscribe(aliceWsReports);
        using var s3 = aliceWs.Balances.Subscribe(aliceBalances);
        await aliceWs.GetBalancesAsync(ct);

        var ask = await bob.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Sell, Quantity.FromDecimal(1m), Price.FromDecimal(600m)), ct);
        var placed = await rest.SendOrderAsync(RestHarness.Limit(Side.Buy, 600m, 0.4m), ct);

        // The direct reply first, then everything the order caused, in order: its fill and the balance updates.
        Assert.False(placed.IsRecovered);
        Assert.Same(placed.Responses[0], placed.Reply);
        Assert.Equal(OrdStatus.New, placed.Reply.OrdStatus);
        Assert.False(string.IsNullOrEmpty(placed.Reply.ClOrdID));
        var fill = Assert.Single(placed.Others.OfType<ExecutionReport>(), r => r.OrdStatus == OrdStatus.Filled);
        Assert.Equal(placed.Reply.OrderID, fill.OrderID);
        Assert.Equal(Quantity.FromDecimal(0.4m), fill.LastShares);
        Assert.Equal(Price.FromDecimal(600m), fill.LastPx);
        Assert.Contains(placed.Others, m => m is UserBalanceResponse { IsUpdate: true });

        // The WebSocket side sees the same trade: the maker's fill, and the REST user's own other session its reports.
        var makerFill = await bobReports.WaitForAsync(r => r.OrderID == ask.OrderID && r.OrdStatus == OrdStatus.PartiallyFilled, what: "bob's fill");
        Assert.Equal(Quantity.FromDecimal(0.4m), makerFill.LastShares);
        await aliceWsReports.WaitForAsync(r => r.OrderID == placed.Reply.OrderID && r.OrdStatus == OrdStatus.Filled, what: "alice's fill on her socket");

        // Balances agree three ways: REST U3, the socket's balance stream, the exchange's books.
        var restBalance = (await rest.GetBalanceAsync(ct)).Reply.Balances[E2EHarness.BrokerId];
        var truthUsd = await h.Exchange.GetBalanceAsync(aliceId, "USD", ct);
        var truthBtc = await h.Exchange.GetBalanceAsync(aliceId, "BTC", ct);
        Assert.Equal(truthUsd.Total, restBalance["USD"].Total);
        Assert.Equal(truthBtc.Total, restBalance["BTC"].Total);
        Assert.Equal(1000 * Coin - 240 * Coin, truthUsd.Total.Satoshis);
        await BalanceAssert.ConvergesAsync(h.Exchange, aliceId, () => aliceBalances.Last, ct, "USD", "BTC");
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task An_order_placed_over_websocket_is_listed_and_cancelled_over_rest_and_the_socket_sees_the_cancel(TransportKind kind)
    {
        using var cts = Wait.Budget(60);
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        var bobId = await h.CreateUserAsync("bob", btc: 2 * Coin, cancellationToken: ct);
        var key = await h.Exchange.CreateApiKeyAsync(bobId, Everything, cancellationToken: ct);
        using var rest = await RestHarness.TradeClientAsync(h, key, ct);
        var bob = await h.ConnectAsync("bob", ct);
        var reports = new Recorder<ExecutionReport>();
        using var s1 = bob.ExecutionReports.Subscribe(reports);

        var ask = await bob.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Sell, Quantity.FromDecimal(1m), Price.FromDecimal(700m)), ct);
        var list = await rest.SendAsync<OrdersListResponse>(new OrdersListRequest { OrdersReqID = 77, Filter = [OrdersListRequest.OpenOrdersFilter] }, ct);
        Assert.Equal(77, list.Reply.OrdersReqID);
        var row = Assert.Single(list.Reply.OrdListGrp ?? []);
        Assert.Equal(ask.OrderID, row.OrderID);

        var cancelled = await rest.CancelOrderAsync(OrderCancelRequest.ByClOrdID(ask.ClOrdID!), ct);
        Assert.Equal(OrdStatus.Cancelled, cancelled.Reply.OrdStatus);
        Assert.Equal(ask.OrderID, cancelled.Reply.OrderID);
        await reports.WaitForAsync(r => r.OrderID == ask.OrderID && r.OrdStatus == OrdStatus.Cancelled, what: "the cancel on bob's socket");
        Assert.Empty(await h.Exchange.GetOpenOrdersAsync(bobId, ct));
        Assert.Equal(0, (await h.Exchange.GetBalanceAsync(bobId, "BTC", ct)).Locked.Satoshis);
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Parallel_calls_with_one_key_never_reuse_or_reorder_a_nonce_into_a_reject(TransportKind kind)
    {
        using var cts = Wait.Budget(90);
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        var aliceId = await h.CreateUserAsync("alice", usd: 1000 * Coin, cancellationToken: ct);
        var key = await h.Exchange.CreateApiKeyAsync(aliceId, Everything, cancellationToken: ct);
        // No retries: a single nonce refused would fail its call.
        using var rest = await RestHarness.TradeClientAsync(h, key, ct);

        const int Orders = 12;
        var calls = Enumerable.Range(0, Orders).Select(i => Task.Run(async () =>
        {
            var order = await rest.SendOrderAsync(RestHarness.Limit(Side.Buy, 100m + i), ct);
            var balance = await rest.GetBalanceAsync(ct);
            return (order.Reply, balance.Reply);
        }, ct)).ToArray();
        var results = await Task.WhenAll(calls);

        Assert.All(results, r => Assert.Equal(OrdStatus.New, r.Item1.OrdStatus));
        Assert.Equal(Orders, results.Select(r => r.Item1.OrderID).Distinct().Count());
        Assert.Equal(Orders, (await h.Exchange.GetOpenOrdersAsync(aliceId, ct)).Count);
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Two_clients_sharing_a_key_recover_from_each_others_nonces_by_re_signing(TransportKind kind)
    {
        using var cts = Wait.Budget(90);
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        var aliceId = await h.CreateUserAsync("alice", usd: 1000 * Coin, cancellationToken: ct);
        var key = await h.Exchange.CreateApiKeyAsync(aliceId, Everything, cancellationToken: ct);
        // Two clients, two gates, one key: their nonces can reach the exchange out of order. A refused nonce was not
        // executed, so the pipeline re-signs and retries it (any message, orders included).
        using var first = await RestHarness.TradeClientAsync(h, key, ct, configure: o => (o.MaxRetries, o.RetryDelay) = (20, TimeSpan.FromMilliseconds(1)));
        using var second = await RestHarness.TradeClientAsync(h, key, ct, configure: o => (o.MaxRetries, o.RetryDelay) = (20, TimeSpan.FromMilliseconds(1)));

        var calls = Enumerable.Range(0, 16).Select(i => Task.Run(() => (i % 2 == 0 ? first : second).SendOrderAsync(RestHarness.Limit(Side.Buy, 100m + i), ct), ct)).ToArray();
        var results = await Task.WhenAll(calls);

        Assert.All(results, r => Assert.Equal(OrdStatus.New, r.Reply.OrdStatus));
        // Each order exactly once: a retried nonce refusal never placed a second order.
        Assert.Equal(16, (await h.Exchange.GetOpenOrdersAsync(aliceId, ct)).Count);
    }

    [Fact]
    public async Task The_reply_is_the_report_of_this_order_even_when_another_orders_report_comes_first()
    {
        // The exchange runs a REST call as a session of the user, so what other calls of the user cause meanwhile can
        // land in its Responses, even before its own reply (tools/BlinkTrade.RestSoak: two clients placing orders at
        // once got the same order back). The handler replays that: the first order's report is put first in the second
        // order's answer.
        using var cts = Wait.Budget(60);
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(TransportKind.InMemory, ct);
        var aliceId = await h.CreateUserAsync("alice", usd: 1000 * Coin, cancellationToken: ct);
        var key = await h.Exchange.CreateApiKeyAsync(aliceId, Everything, cancellationToken: ct);
        var interleave = new InterleavingHandler();
        using var rest = await RestHarness.TradeClientAsync(h, key, ct, wrap: inner => { interleave.InnerHandler = inner; return interleave; });

        var first = await rest.SendOrderAsync(RestHarness.Limit(Side.Buy, 100m) with { ClOrdID = "first" }, ct);
        var second = await rest.SendOrderAsync(RestHarness.Limit(Side.Buy, 101m) with { ClOrdID = "second" }, ct);

        Assert.Equal("first", first.Reply.ClOrdID);
        Assert.Equal("first", Assert.IsType<ExecutionReport>(second.Responses[0]).ClOrdID); // the interleaved report is there
        Assert.Equal("second", second.Reply.ClOrdID);
        Assert.Equal(Price.FromDecimal(101m), second.Reply.Price);
        var open = await h.Exchange.GetOpenOrdersAsync(aliceId, ct);
        Assert.Equal(open.Single(o => o.ClOrdId == "second").OrderId, second.Reply.OrderID);
        Assert.NotEqual(first.Reply.OrderID, second.Reply.OrderID);
    }

    [Fact]
    public async Task An_error_answer_after_another_orders_report_is_still_this_calls_error()
    {
        // The same interleaving when the exchange refuses the order: its ERROR comes after the other order's report.
        using var cts = Wait.Budget(60);
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(TransportKind.InMemory, ct);
        var aliceId = await h.CreateUserAsync("alice", usd: 1000 * Coin, btc: 10 * Coin, cancellationToken: ct);
        var key = await h.Exchange.CreateApiKeyAsync(aliceId, """{"D":[["Side","eq","1"]]}""", cancellationToken: ct); // buys only
        var interleave = new InterleavingHandler();
        using var rest = await RestHarness.TradeClientAsync(h, key, ct, wrap: inner => { interleave.InnerHandler = inner; return interleave; });

        await rest.SendOrderAsync(RestHarness.Limit(Side.Buy, 100m) with { ClOrdID = "first" }, ct);
        var error = await Assert.ThrowsAsync<BlinkTradeErrorException>(() => rest.SendOrderAsync(RestHarness.Limit(Side.Sell, 900m) with { ClOrdID = "refused" }, ct));

        Assert.NotNull(error.Description);
        Assert.DoesNotContain(await h.Exchange.GetOpenOrdersAsync(aliceId, ct), o => o.ClOrdId == "refused");
    }

    /// <summary>Keeps the first answer's first message and puts it first in every later answer.</summary>
    private sealed class InterleavingHandler : DelegatingHandler
    {
        private string? _earlier;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
            var responses = body["Responses"]!.AsArray();
            if (_earlier is null)
            {
                _earlier = responses[0]!.ToJsonString();
                return response;
            }
            responses.Insert(0, System.Text.Json.Nodes.JsonNode.Parse(_earlier));
            var rewritten = new HttpResponseMessage(response.StatusCode) { Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
            response.Dispose();
            return rewritten;
        }
    }

    [Fact]
    public async Task Two_clients_given_one_credential_send_one_call_at_a_time_so_no_nonce_is_refused()
    {
        // The gate that sends a key's calls one at a time belongs to the credential: a second client on the same
        // ApiKeysCredential (or IHttpClientFactory's next handler chain) waits its turn. With a gate per client the
        // second client's larger nonce overtook the first's while it was on the wire, and the first was refused
        // (RestSoak: four refusals in a row under jitter surfaced "Invalid nonce").
        using var cts = Wait.Budget(60);
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(TransportKind.InMemory, ct);
        var aliceId = await h.CreateUserAsync("alice", usd: 1000 * Coin, cancellationToken: ct);
        var key = await h.Exchange.CreateApiKeyAsync(aliceId, Everything, cancellationToken: ct);
        var credential = new ApiKeysCredential(key.ApiKey, key.SecretKey);
        var wire = new OverlapHandler();
        var (endpoint, transport) = await RestHarness.TransportAsync(h, "127.0.0.1", ct);
        wire.InnerHandler = transport!;
        var options = new BlinkTradeRestOptions { Endpoint = endpoint, Credential = credential, MaxRetries = 0 };
        using var first = new BlinkTradeRestClient(options, wire);
        using var second = new BlinkTradeRestClient(options, wire);

        var slow = first.SendOrderAsync(RestHarness.Limit(Side.Buy, 100m), ct);
        await wire.FirstOnTheWire.Task.WaitAsync(ct);
        var fast = second.SendOrderAsync(RestHarness.Limit(Side.Buy, 101m), ct);
        var results = await Task.WhenAll(slow, fast);

        Assert.All(results, r => Assert.Equal(OrdStatus.New, r.Reply.OrdStatus));
        Assert.Equal(1, wire.MostOnTheWire);
        Assert.Equal(2, (await h.Exchange.GetOpenOrdersAsync(aliceId, ct)).Count);
    }

    /// <summary>Holds the first request on the wire until a second one arrives (or, when none can, 300 ms), and counts
    /// how many were on the wire at once.</summary>
    private sealed class OverlapHandler : DelegatingHandler
    {
        private readonly TaskCompletionSource _secondOnTheWire = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _onTheWire;
        private int _most;
        private int _seen;

        public TaskCompletionSource FirstOnTheWire { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int MostOnTheWire => Volatile.Read(ref _most);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _onTheWire);
            InterlockedMax(ref _most, now);
            try
            {
                if (Interlocked.Increment(ref _seen) == 1)
                {
                    FirstOnTheWire.TrySetResult();
                    // With one gate per credential no second request can come while this one is out: the bounded wait
                    // is only how long the first one stays on the wire when the property holds.
                    await Task.WhenAny(_secondOnTheWire.Task, Task.Delay(300, cancellationToken));
                }
                else
                {
                    _secondOnTheWire.TrySetResult();
                }
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _onTheWire);
            }
        }

        private static void InterlockedMax(ref int target, int value)
        {
            for (var current = Volatile.Read(ref target); value > current; current = Volatile.Read(ref target))
            {
                if (Interlocked.CompareExchange(ref target, value, current) == current)
                {
                    return;
                }
            }
        }
    }
}
