using System.Text.Json;
using BlinkTrade.Client.Account;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Tests.Support;

namespace BlinkTrade.Client.Tests.Account;

public sealed class AccountTests
{
    [Fact]
    public async Task Balances_come_from_U3_and_unsolicited_updates_merge_with_available_equal_total_minus_locked()
    {
        await using var harness = ClientHarness.Create();
        var snapshots = new RecordingObserver<BalanceSnapshot>();
        harness.Client.Balances.Subscribe(snapshots);
        var peer = await harness.ConnectAsync();

        var requesting = harness.Client.GetBalancesAsync();
        var request = await peer.ExpectAsync<UserBalanceRequest>();
        peer.SendRaw("{\"MsgType\":\"U3\",\"BalanceReqID\":" + request.BalanceReqID + ",\"ClientID\":90800127,\"5\":{\"BTC\":100000000,\"BTC_locked\":30000000,\"USD\":500000000000,\"USD_locked\":0}}");
        var snapshot = await requesting.WaitAsync(TestDefaults.Timeout);
        var btc = snapshot.Get("BTC", 5)!.Value;
        Assert.Equal(Amount.FromDecimal(1m), btc.Total);
        Assert.Equal(Amount.FromDecimal(0.7m), btc.Available);

        // An unsolicited delta carries only the changed currency.
        peer.SendRaw("""{"MsgType":"U3","ClientID":90800127,"5":{"USD":469000000000,"USD_locked":10000000000}}""");
        var merged = await snapshots.WaitForAsync(s => s.Get("USD")?.Total == Amount.FromDecimal(4690m));
        Assert.Equal(Amount.FromDecimal(4590m), merged.Get("USD")!.Value.Available);
        Assert.Equal(Amount.FromDecimal(0.7m), merged.Get("BTC")!.Value.Available);
    }

    [Fact]
    public async Task Balances_at_several_brokers_are_kept_apart_and_earlier_snapshots_never_change()
    {
        await using var harness = ClientHarness.Create();
        var snapshots = new RecordingObserver<BalanceSnapshot>();
        harness.Client.Balances.Subscribe(snapshots);
        var peer = await harness.ConnectAsync();

        peer.SendRaw("""{"MsgType":"U3","ClientID":90800127,"5":{"BTC":100000000,"BTC_locked":30000000}}""");
        var first = await snapshots.WaitForAsync(s => s.Get("BTC", 5)?.Total == Amount.FromDecimal(1m));
        peer.SendRaw("""{"MsgType":"U3","ClientID":90800127,"5":{"BTC_locked":0}}""");
        var unlocked = await snapshots.WaitForAsync(s => s.Get("BTC", 5)?.Locked == Amount.FromSatoshis(0));
        peer.SendRaw("""{"MsgType":"U3","ClientID":90800127,"7":{"USD":500000000000}}""");
        var second = await snapshots.WaitForAsync(s => s.Get("USD", 7) is not null);
        peer.SendRaw("""{"MsgType":"U3","ClientID":90800127,"5":{"BTC":200000000},"7":{"USD_locked":100000000000}}""");
        var both = await snapshots.WaitForAsync(s => s.Get("BTC", 5)?.Total == Amount.FromDecimal(2m));

        Assert.Equal([5], first.Brokers.Keys);
        Assert.Equal(Amount.FromDecimal(0.3m), first.Get("BTC", 5)!.Value.Locked);
        Assert.Equal(Amount.FromDecimal(1m), unlocked.Get("BTC", 5)!.Value.Total);
        Assert.Equal([5, 7], second.Brokers.Keys.Order());
        Assert.Equal(Amount.FromSatoshis(0), second.Get("BTC", 5)!.Value.Locked);
        Assert.Null(second.Get("USD", 5));
        Assert.Equal(Amount.FromDecimal(4000m), both.Get("USD", 7)!.Value.Available);
        Assert.Equal(Amount.FromSatoshis(0), both.Get("BTC", 5)!.Value.Locked);
        Assert.Null(second.Get("USD", 7)!.Value.Locked);
    }

    [Fact]
    public async Task Order_list_pages_lazily_until_a_short_page()
    {
        var requests = new List<OrdersListRequest>();
        await using var harness = ClientHarness.Create(p =>
        {
            p.AnswerHeartbeats();
            p.Respond<OrdersListRequest>(r =>
            {
                lock (requests)
                {
                    requests.Add(r);
                }
                var count = r.Page == 0 ? 2 : 1;
                return new OrdersListResponse
                {
                    OrdersReqID = r.OrdersReqID,
                    Page = r.Page,
                    PageSize = r.PageSize,
                    OrdListGrp = [.. Enumerable.Range(0, count).Select(i => new OrderListEntry { OrderID = (r.Page * 10) + i, ClOrdID = $"c{r.Page}{i}", OrdStatus = OrdStatus.New, Symbol = "BTCUSD", Side = Side.Buy, OrdType = OrdType.Limit })],
                };
            });
        });
        await harness.ConnectAsync();

        var orders = new List<OrderListEntry>();
        await foreach (var order in harness.Client.GetOrdersAsync(OrderListFilter.Open, pageSize: 2))
        {
            orders.Add(order);
        }

        Assert.Equal([0L, 1L, 10L], orders.Select(o => o.OrderID!.Value));
        Assert.Equal([0, 1], requests.Select(r => r.Page!.Value));
        Assert.All(requests, r => Assert.Equal(["has_leaves_qty eq 1"], r.Filter));
    }

    [Fact]
    public async Task Deposit_withdrawal_profile_brokers_and_api_key_requests_are_correlated()
    {
        await using var harness = ClientHarness.Create(p =>
        {
            p.AnswerHeartbeats();
            p.Respond<DepositRequest>(r => new DepositResponse { DepositReqID = r.DepositReqID, Deposit = new Deposit { DepositID = "d41d8cd98f00b204e9800998ecf8427e", Currency = r.Currency } });
            p.Respond<WithdrawRequest>(r => new WithdrawResponse { WithdrawReqID = r.WithdrawReqID, Withdrawal = new Withdrawal { WithdrawID = 77, Currency = r.Currency, Amount = r.Amount, Method = r.Method } });
            p.Respond<UpdateProfileRequest>(r => new UpdateProfileResponse { UpdateReqID = r.UpdateReqID, UserID = 90800127, TwoFactorEnabled = false });
            p.Respond<BrokerListRequest>(r => new BrokerListResponse { BrokerListReqID = r.BrokerListReqID, Page = 0, PageSize = r.PageSize, BrokerListGrp = [new BrokerInfo { BrokerID = 5, ShortName = "testnet" }] });
            p.Respond<ApiKeyCreateRequest>(r => new ApiKeyCreateResponse { APIKeyCreateReqID = r.APIKeyCreateReqID, Label = r.Label, APIKey = "K", APISecret = "very-secret", APIPassword = "api-pass", Status = 1 });
            p.Respond<ApiKeyRevokeRequest>(r => new ApiKeyRevokeResponse { APIKeyRevokeReqID = r.APIKeyRevokeReqID, APIKey = r.APIKey, Status = 0 });
            p.Respond<ApiKeyListRequest>(r => new ApiKeyListResponse { APIKeyListReqID = r.APIKeyListReqID, Page = 0, PageSize = r.PageSize, ApiKeyListGrp = [new ApiKeyListEntry { APIKey = "K", Label = "bot" }] });
        });
        await harness.ConnectAsync();
        var client = harness.Client;

        Assert.Equal("BTC", (await client.RequestDepositAsync(currency: "BTC")).Deposit.Currency);
        var withdrawal = await client.RequestWithdrawalAsync("BTC", Amount.FromDecimal(0.1m), "bitcoin", JsonDocument.Parse("""{"Wallet":"1BoatSLRHtKNngkdXEeobR76b53LETtpyT"}""").RootElement);
        Assert.Equal(77, withdrawal.Withdrawal.WithdrawID);
        var profile = await client.UpdateProfileAsync(new Dictionary<string, JsonElement> { ["EmailLang"] = JsonDocument.Parse("\"en\"").RootElement });
        Assert.Equal(90800127, profile.UserID);
        Assert.Equal(5, Assert.Single(await client.GetBrokersAsync()).BrokerID);
        var key = await client.CreateApiKeyAsync("bot");
        Assert.Equal("very-secret", key.APISecret?.Reveal());
        Assert.DoesNotContain("very-secret", key.ToString(), StringComparison.Ordinal);
        var keys = new List<ApiKeyListEntry>();
        await foreach (var info in client.GetApiKeysAsync())
        {
            keys.Add(info);
        }
        Assert.Equal("bot", Assert.Single(keys).Label);
        Assert.Equal(0, (await client.RevokeApiKeyAsync("K")).Status);
        await Assert.ThrowsAsync<ArgumentException>(() => client.RequestDepositAsync());
    }

    [Fact]
    public async Task Unsolicited_deposit_withdrawal_and_profile_updates_have_their_own_streams()
    {
        await using var harness = ClientHarness.Create();
        var deposits = new RecordingObserver<DepositRefresh>();
        var withdrawals = new RecordingObserver<WithdrawRefresh>();
        var profiles = new RecordingObserver<ProfileRefresh>();
        harness.Client.DepositUpdates.Subscribe(deposits);
        harness.Client.WithdrawalUpdates.Subscribe(withdrawals);
        harness.Client.ProfileUpdates.Subscribe(profiles);
        var peer = await harness.ConnectAsync();

        peer.Send(new DepositRefresh { Deposit = new Deposit { DepositID = "abc", Currency = "BTC" } });
        peer.Send(new WithdrawRefresh { Withdrawal = new Withdrawal { WithdrawID = 9, Currency = "BTC" } });
        peer.Send(new ProfileRefresh { UserID = 90800127 });

        Assert.Equal("abc", (await deposits.WaitForAsync(_ => true)).Deposit.DepositID);
        Assert.Equal(9, (await withdrawals.WaitForAsync(_ => true)).Withdrawal.WithdrawID);
        Assert.Equal(90800127, (await profiles.WaitForAsync(_ => true)).UserID);
    }
}
