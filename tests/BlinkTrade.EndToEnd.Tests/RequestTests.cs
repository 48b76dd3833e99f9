using BlinkTrade.Client;
using BlinkTrade.Client.Diagnostics;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Requests;
using BlinkTrade.Client.Trading;
using BlinkTrade.EndToEnd.Tests.Support;

namespace BlinkTrade.EndToEnd.Tests;

/// <summary>Issue #5 (6): request timeouts, ERROR mapping and subscriber isolation against the real exchange.</summary>
public sealed class RequestTests
{
    private const long Coin = 1_0000_0000;

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task A_stalled_exchange_times_the_request_out_and_the_session_survives(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        await h.CreateUserAsync("alice", usd: 100 * Coin, cancellationToken: ct);
        // Log in with the default timeout (a loaded machine may take over a second to hash the password), then give
        // the requests under test a 1 s timeout: the client reads RequestTimeout when each request starts.
        var alice = await h.ConnectAsync("alice", ct);
        alice.Options.RequestTimeout = TimeSpan.FromSeconds(1);

        h.Exchange.Faults.StallOutbound();
        var started = DateTime.UtcNow;
        var timeout = await Assert.ThrowsAsync<BlinkTradeTimeoutException>(() => alice.GetBalancesAsync(ct));
        var waited = DateTime.UtcNow - started;
        h.Exchange.Faults.ResumeOutbound();

        Assert.Equal("U2", timeout.MsgType);
        Assert.Equal(TimeSpan.FromSeconds(1), timeout.Timeout);
        Assert.InRange(waited, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(8));
        // The late U3 is dropped; the session is still usable.
        var balances = await alice.GetBalancesAsync(ct);
        Assert.Equal(100 * Coin, balances.Get("USD")?.Total?.Satoshis);
        Assert.Equal(ConnectionState.LoggedIn, alice.State);
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Rejected_messages_fail_their_requests_with_the_servers_error(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        await h.CreateUserAsync("alice", usd: 100 * Coin, cancellationToken: ct);
        var alice = await h.ConnectAsync("alice", ct);

        h.Exchange.Faults.RejectNextMessages(2);
        var first = await Assert.ThrowsAsync<BlinkTradeErrorException>(() => alice.GetBalancesAsync(ct));
        var second = await Assert.ThrowsAsync<BlinkTradeErrorException>(() => alice.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Buy, Quantity.FromDecimal(0.1m), Price.FromDecimal(100m)), ct));

        Assert.Equal("Invalid message", first.Description);
        Assert.Equal("Rejected by fault injection", first.Detail);
        Assert.Equal("Invalid message", second.Description);
        Assert.Equal(100 * Coin, (await alice.GetBalancesAsync(ct)).Get("USD")?.Total?.Satoshis);
        Assert.Equal(ConnectionState.LoggedIn, alice.State);
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task An_api_key_without_the_permission_gets_a_typed_not_authorized_error(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        var aliceId = await h.CreateUserAsync("alice", usd: 100 * Coin, cancellationToken: ct);
        var key = await h.Exchange.CreateApiKeyAsync(aliceId, """{"U2":[]}""", cancellationToken: ct);
        var bot = h.Client(BlinkTradeCredentials.FromApiKey(key.ApiKey, key.ApiPassword!));
        await bot.ConnectAsync(ct);

        var error = await Assert.ThrowsAsync<BlinkTradeErrorException>(() => bot.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Buy, Quantity.FromDecimal(0.1m), Price.FromDecimal(100m)), ct));

        Assert.Equal("Not authorized", error.Description);
        Assert.Equal("Permission denied for D", error.Detail);
        Assert.Contains("Not authorized", error.Message, StringComparison.Ordinal);
        Assert.Empty(await h.Exchange.GetOpenOrdersAsync(aliceId, ct));
        // What the list allows still works.
        Assert.Equal(100 * Coin, (await bot.GetBalancesAsync(ct)).Get("USD")?.Total?.Satoshis);
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task The_exchanges_rate_limit_fails_the_request_with_its_reason_and_the_client_reconnects(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct, configure: o => o with { MaxMessagesPerSecond = 15 });
        var aliceId = await h.CreateUserAsync("alice", usd: 100_000 * Coin, cancellationToken: ct);
        var states = new Recorder<ConnectionStateChange>();
        // Without the client's own pacing (on by default, see PacingTests) the exchange's limit is what stops it.
        var alice = h.Client("alice", configure: o => o.Pacing.Enabled = false);
        using var s = alice.ConnectionStates.Subscribe(states);
        await alice.ConnectAsync(ct);

        var accepted = new List<long>();
        BlinkTradeErrorException? limited = null;
        for (var i = 0; i < 200 && limited is null; i++)
        {
            try
            {
                accepted.Add((await alice.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Buy, Quantity.FromDecimal(0.1m), Price.FromDecimal(100m + i)), ct)).OrderID);
            }
            catch (BlinkTradeErrorException e)
            {
                limited = e;
            }
        }

        Assert.NotNull(limited);
        Assert.Equal("Too many messages per second", limited.Description);
        Assert.True(accepted.Count >= 1, "orders were accepted before the limit");
        await states.WaitForAsync(x => x.State == ConnectionState.LoggedIn && x.Reason.StartsWith("Reconnected", StringComparison.Ordinal), what: "reconnected after the exchange closed the session");
        Assert.Equal(accepted.Order(), (await h.Exchange.GetOpenOrdersAsync(aliceId, ct)).Select(x => x.OrderId).Order());
        Assert.Equal(accepted.Count, alice.Orders.Open.Count);
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Api_keys_created_over_the_socket_page_log_in_with_their_permission_list_and_are_revoked(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        var aliceId = await h.CreateUserAsync("alice", usd: 7 * Coin, cancellationToken: ct);
        var alice = await h.ConnectAsync("alice", ct);
        var created = new List<ApiKeyCreateResponse>();
        for (var i = 0; i < 12; i++)
        {
            created.Add(await alice.CreateApiKeyAsync($"bot-{i}", cancellationToken: ct));
        }
        var readOnly = await alice.CreateApiKeyAsync("read-only", PermissionList.Parse("""{"U2":[]}"""), cancellationToken: ct);

        var listed = new List<ApiKeyListEntry>();
        await foreach (var key in alice.GetApiKeysAsync(pageSize: 5, cancellationToken: ct))
        {
            listed.Add(key);
        }
        Assert.Equal(13, listed.Count);
        Assert.Equal(13, listed.Select(x => x.APIKey).Distinct().Count());

        var bot = h.Client(BlinkTradeCredentials.FromApiKey(readOnly.APIKey!, readOnly.APIPassword!.Value));
        await bot.ConnectAsync(ct);
        Assert.Equal(7 * Coin, (await bot.GetBalancesAsync(ct)).Get("USD")?.Total?.Satoshis);
        var denied = await Assert.ThrowsAsync<BlinkTradeErrorException>(() => bot.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Buy, Quantity.FromDecimal(0.01m), Price.FromDecimal(100m)), ct));
        Assert.Equal("Not authorized", denied.Description);

        await alice.RevokeApiKeyAsync(created[3].APIKey!, ct);
        var after = new List<string?>();
        await foreach (var key in alice.GetApiKeysAsync(pageSize: 5, cancellationToken: ct))
        {
            after.Add(key.APIKey);
        }
        Assert.Equal(12, after.Count);
        Assert.DoesNotContain(created[3].APIKey, after);
        Assert.Empty(await h.Exchange.GetOpenOrdersAsync(aliceId, ct));
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task A_throwing_subscriber_is_isolated_and_reported_on_errors(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        await h.CreateUserAsync("alice", usd: 1000 * Coin, cancellationToken: ct);
        var alice = await h.ConnectAsync("alice", ct);
        var errors = new Recorder<BlinkTradeClientError>();
        var good = new Recorder<ExecutionReport>();
        var thrown = 0;
        using var e = alice.Errors.Subscribe(errors);
        using var bad = alice.ExecutionReports.Subscribe(_ =>
        {
            Interlocked.Increment(ref thrown);
            throw new InvalidOperationException("subscriber bug");
        });
        using var g = alice.ExecutionReports.Subscribe(good);

        var orders = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            orders.Add((await alice.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Buy, Quantity.FromDecimal(0.1m), Price.FromDecimal(100m + i)), ct)).OrderID);
        }

        await Wait.Eventually(() => orders.All(id => good.Any(r => r.OrderID == id)), what: "the good subscriber got every report");
        await Wait.Eventually(() => Volatile.Read(ref thrown) == 3, what: "the throwing subscriber stayed subscribed");
        await errors.WaitForAsync(x => x.Kind == ClientErrorKind.SubscriberFault && x.Exception is InvalidOperationException { Message: "subscriber bug" }, what: "SubscriberFault on Errors");
        Assert.Equal(ConnectionState.LoggedIn, alice.State);
        Assert.Equal(3, alice.Orders.Open.Count);
    }
}
