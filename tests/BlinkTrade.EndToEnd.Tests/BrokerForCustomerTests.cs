using System.Text.Json;
using BlinkTrade.Client;
using BlinkTrade.Client.Account;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Requests;
using BlinkTrade.Client.Session;
using BlinkTrade.EndToEnd.Tests.Support;

namespace BlinkTrade.EndToEnd.Tests;

/// <summary>
/// Issue #20: a broker acts for its customers through <see cref="AccountOptions.ClientId"/> on every request that allows
/// it (U2, U16, U26, U30, U34, U38, U42), and is refused for anyone else's; a user may only name himself; an API-key
/// session of a broker is held to its PermissionList.
/// </summary>
public sealed class BrokerForCustomerTests
{
    private const long Coin = 1_0000_0000;
    private const int Acme = 7;

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task A_broker_reads_and_acts_for_its_customer_on_every_account_request(TransportKind kind)
    {
        using var cts = Wait.Budget(60);
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        var (broker, carolId) = await StartBrokerWithCustomerAsync(h, ct);
        var carol = await ConnectCustomerAsync(h, "carol", ct);
        var deposit = await carol.RequestDepositAsync(new DepositOptions { Currency = "BTC", ClOrdId = "carol-dep" }, ct);
        using var wallet = JsonDocument.Parse("""{"Wallet":"2NcarolWallet"}""");
        var withdrawal = await carol.RequestWithdrawalAsync("BTC", Amount.FromSatoshis(Coin / 2), "bitcoin", new WithdrawalOptions { Data = wallet.RootElement.Clone(), ClOrdId = "carol-wd" }, ct);
        var profiles = new Recorder<ProfileRefresh>();
        using var p = carol.ProfileUpdates.Subscribe(profiles);
        var forCarol = new AccountOptions { ClientId = carolId };

        // U2: the customer's balances are returned, and kept out of the broker's own Balances.
        var balances = await broker.GetBalancesAsync(forCarol, ct);
        Assert.Equal(1_000 * Coin, balances.Get("USD", Acme)?.Total?.Satoshis);
        Assert.Equal(2 * Coin, balances.Get("BTC", Acme)?.Total?.Satoshis);
        Assert.Equal(Coin / 2, balances.Get("BTC", Acme)?.Locked?.Satoshis);
        Assert.NotEqual(1_000 * Coin, (await broker.GetBalancesAsync(ct)).Get("USD", Acme)?.Total?.Satoshis ?? 0);

        // U42, U30, U26, U34: each about the customer.
        Assert.Equal(carolId, (await broker.GetPositionsAsync(forCarol, ct)).ClientID);
        var deposits = await broker.GetDepositsAsync(new DepositListOptions { ClientId = carolId }, ct).ToListAsync(ct);
        Assert.Equal((deposit.Deposit.DepositID, "carol-dep"), (Assert.Single(deposits).DepositID, deposits[0].ClOrdID));
        var withdrawals = await broker.GetWithdrawalsAsync(new WithdrawalListOptions { ClientId = carolId, Statuses = [WithdrawStatus.Unconfirmed] }, ct).ToListAsync(ct);
        Assert.Equal((withdrawal.Withdrawal.WithdrawID, "carol-wd"), (Assert.Single(withdrawals).WithdrawID, withdrawals[0].ClOrdID));
        var ledger = await broker.GetLedgerAsync(new LedgerOptions { ClientId = carolId }, ct).ToListAsync(ct);
        Assert.NotEmpty(ledger);
        Assert.All(ledger, row => Assert.Equal(carolId, row.AccountID));
        Assert.Empty(await broker.GetDepositsAsync(new DepositListOptions(), ct).ToListAsync(ct));

        // U38 (UserID): the broker changes the customer's fee; the customer is told (U40).
        using var fields = JsonDocument.Parse("""{"TransactionFeeBuy":15}""");
        var updated = await broker.UpdateProfileAsync(new Dictionary<string, JsonElement> { ["TransactionFeeBuy"] = fields.RootElement.GetProperty("TransactionFeeBuy").Clone() }, forCarol, ct);
        Assert.Equal(carolId, updated.UserID);
        Assert.Equal(15, (await profiles.WaitForAsync(x => x.UserID == carolId, what: "the customer's U40")).TransactionFeeBuy);

        // U16 (ClientID): the broker turns the customer's two-factor authentication off, so a password alone logs in again.
        await h.Exchange.EnableTwoFactorAsync(carolId, "JBSWY3DPEHPK3PXP", ct);
        await Assert.ThrowsAsync<BlinkTradeLoginException>(() => h.Client("carol", configure: o => o.BrokerId = Acme).ConnectAsync(ct));
        var disabled = await broker.DisableTwoFactorAsync(forCarol, ct);
        Assert.False(disabled.TwoFactorEnabled);
        await h.Client("carol", configure: o => o.BrokerId = Acme).ConnectAsync(ct);
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task A_broker_is_refused_for_another_brokers_customer_and_a_user_for_anyone_but_himself(TransportKind kind)
    {
        using var cts = Wait.Budget(60);
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        var (broker, carolId) = await StartBrokerWithCustomerAsync(h, ct);
        var aliceId = await h.CreateUserAsync("alice", usd: 10 * Coin, cancellationToken: ct);
        var alice = await h.ConnectAsync("alice", ct);

        // Broker 7 naming broker 5's customer; alice (no broker) naming carol: refused on every request, nothing changed.
        foreach (var (caller, target) in new[] { (broker, (long)aliceId), (alice, carolId) })
        {
            var other = new AccountOptions { ClientId = target };
            await AssertNotAuthorized(() => caller.GetBalancesAsync(other, ct));
            await AssertNotAuthorized(() => caller.GetPositionsAsync(other, ct));
            await AssertNotAuthorized(() => caller.GetDepositsAsync(new DepositListOptions { ClientId = target }, ct).ToListAsync(ct).AsTask());
            await AssertNotAuthorized(() => caller.GetWithdrawalsAsync(new WithdrawalListOptions { ClientId = target }, ct).ToListAsync(ct).AsTask());
            await AssertNotAuthorized(() => caller.GetLedgerAsync(new LedgerOptions { ClientId = target }, ct).ToListAsync(ct).AsTask());
            using var fee = JsonDocument.Parse("99");
            await AssertNotAuthorized(() => caller.UpdateProfileAsync(new Dictionary<string, JsonElement> { ["TransactionFeeBuy"] = fee.RootElement.Clone() }, other, ct));
            await AssertNotAuthorized(() => caller.DisableTwoFactorAsync(other, ct));
        }
        Assert.Equal(10 * Coin, (await alice.GetBalancesAsync(ct)).Get("USD")?.Total?.Satoshis);

        // Naming himself is the same as naming nobody; naming nobody that exists is an invalid ClientID.
        var own = await alice.GetBalancesAsync(new AccountOptions { ClientId = aliceId }, ct);
        Assert.Equal(10 * Coin, own.Get("USD")?.Total?.Satoshis);
        var unknown = await Assert.ThrowsAsync<BlinkTradeErrorException>(() => broker.GetBalancesAsync(new AccountOptions { ClientId = 999_999 }, ct));
        Assert.Equal("Invalid Client ID", unknown.Description);
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task An_api_key_session_of_a_broker_acts_only_for_the_customers_its_permission_list_names(TransportKind kind)
    {
        using var cts = Wait.Budget(60);
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        var (_, carolId) = await StartBrokerWithCustomerAsync(h, ct);
        var daveId = await h.Exchange.CreateUserAsync("dave", E2EHarness.Password, Acme, cancellationToken: ct);
        var brokerUserId = (await h.Exchange.FindUserIdAsync("acme", ct))!.Value;
        var key = await h.Exchange.CreateApiKeyAsync(brokerUserId, $$"""{"U2":[["ClientID","eq",{{carolId}}]]}""", cancellationToken: ct);
        var bot = h.Client(BlinkTradeCredentials.FromApiKey(key.ApiKey, key.ApiPassword!), o => o.BrokerId = Acme);
        await bot.ConnectAsync(ct);

        Assert.Equal(1_000 * Coin, (await bot.GetBalancesAsync(new AccountOptions { ClientId = carolId }, ct)).Get("USD", Acme)?.Total?.Satoshis);
        // Another customer of the same broker, and a request type the list does not name, are denied.
        var denied = await Assert.ThrowsAsync<BlinkTradeErrorException>(() => bot.GetBalancesAsync(new AccountOptions { ClientId = daveId }, ct));
        Assert.Equal(("Not authorized", "Permission denied for U2"), (denied.Description, denied.Detail));
        await Assert.ThrowsAsync<BlinkTradeErrorException>(() => bot.GetDepositsAsync(new DepositListOptions { ClientId = carolId }, ct).ToListAsync(ct).AsTask());
    }

    // Broker 7 "acme" (logged in) with customer carol (1,000 USD, 2 BTC); broker 5 of the harness is another broker.
    internal static async Task<(BlinkTradeClient Broker, int CarolId)> StartBrokerWithCustomerAsync(E2EHarness h, CancellationToken ct)
    {
        await h.Exchange.CreateBrokerAsync(Acme, "acme", password: E2EHarness.Password, cancellationToken: ct);
        var carolId = await h.Exchange.CreateUserAsync("carol", E2EHarness.Password, Acme, cancellationToken: ct);
        await h.Exchange.CreditAsync(carolId, "USD", Amount.FromSatoshis(1_000 * Coin), ct);
        await h.Exchange.CreditAsync(carolId, "BTC", Amount.FromSatoshis(2 * Coin), ct);
        var broker = await h.ConnectAsync("acme", ct, o => o.BrokerId = Acme);
        Assert.True(broker.CurrentUser?.IsBroker, "acme logs in as a broker");
        return (broker, carolId);
    }

    internal static Task<BlinkTradeClient> ConnectCustomerAsync(E2EHarness h, string username, CancellationToken ct)
        => h.ConnectAsync(username, ct, o => o.BrokerId = Acme);

    private static async Task AssertNotAuthorized(Func<Task> request)
    {
        var error = await Assert.ThrowsAsync<BlinkTradeErrorException>(request);
        Assert.Equal("Not authorized", error.Description);
    }
}
