using System.Text.Json;
using BlinkTrade.Client.Account;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Requests;
using BlinkTrade.EndToEnd.Tests.Support;

namespace BlinkTrade.EndToEnd.Tests;

/// <summary>
/// Issue #20: deposits (<c>U18</c> ClOrdID, Action, Instructions) and withdrawals (<c>U6</c>/<c>U70</c> ClOrdID) with every
/// field, and the deposit and withdrawal lists (<c>U30</c>/<c>U26</c>) with their statuses and search terms.
/// </summary>
public sealed class FundingOptionsTests
{
    private const long Coin = 1_0000_0000;

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Deposits_keep_their_reference_list_by_status_and_search_term_and_take_actions_by_their_rights(TransportKind kind)
    {
        using var cts = Wait.Budget(60);
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        var (broker, carolId) = await BrokerForCustomerTests.StartBrokerWithCustomerAsync(h, ct);
        var carol = await BrokerForCustomerTests.ConnectCustomerAsync(h, "carol", ct);
        var usdMethod = Assert.Single(await carol.GetDepositMethodsAsync(cancellationToken: ct), m => m.Currency == "USD").DepositMethodID!.Value;

        var first = (await carol.RequestDepositAsync(new DepositOptions { Currency = "BTC", ClOrdId = "btc-1" }, ct)).Deposit;
        var second = (await carol.RequestDepositAsync(new DepositOptions { Currency = "BTC", ClOrdId = "btc-2" }, ct)).Deposit;
        var fiat = (await carol.RequestDepositAsync(new DepositOptions { DepositMethodId = usdMethod, Value = Amount.FromSatoshis(250 * Coin), ClOrdId = "usd-1" }, ct)).Deposit;
        Assert.Equal(("btc-1", "btc-2", "usd-1"), (first.ClOrdID, second.ClOrdID, fiat.ClOrdID));

        // U30: every status by default, newest first; each search term narrows (AND), matching ids, data, currency, value.
        Assert.Equal(["usd-1", "btc-2", "btc-1"], await ClOrdIds(carol.GetDepositsAsync(cancellationToken: ct)));
        Assert.Equal(["btc-1"], await ClOrdIds(carol.GetDepositsAsync(new DepositListOptions { Filter = ["btc-1"] }, ct)));
        Assert.Equal(["btc-2", "btc-1"], await ClOrdIds(carol.GetDepositsAsync(new DepositListOptions { Filter = ["btc"] }, ct)));
        var address = second.Data!.Value.GetProperty("InputAddress").GetString()!;
        Assert.Equal(["btc-2"], await ClOrdIds(carol.GetDepositsAsync(new DepositListOptions { Filter = [address] }, ct)));
        // A number names an amount in whole units, and is also text searched in Data: "250.00", not "250", which a BTC
        // deposit's random hex InputAddress contains about one time in seventy.
        Assert.Equal(["usd-1"], await ClOrdIds(carol.GetDepositsAsync(new DepositListOptions { Filter = ["250.00"] }, ct)));
        Assert.Equal(["btc-2"], await ClOrdIds(carol.GetDepositsAsync(new DepositListOptions { Filter = ["BTC", second.DepositID!] }, ct)));
        Assert.Empty(await ClOrdIds(carol.GetDepositsAsync(new DepositListOptions { Filter = ["usd-1", "BTC"] }, ct)));
        Assert.Equal(["btc-1"], await ClOrdIds(carol.GetDepositsAsync(new DepositListOptions { Filter = ["btc-1"], PageSize = 1 }, ct)));

        // U18 Action: the owner cancels; PROGRESS/COMPLETE are the broker's.
        var cancelled = await carol.RequestDepositAsync(new DepositOptions { DepositId = second.DepositID, Action = DepositAction.Cancel }, ct);
        Assert.Equal((DepositStatus.Cancelled, "btc-2"), (cancelled.Deposit.Status, cancelled.Deposit.ClOrdID));
        var refused = await Assert.ThrowsAsync<BlinkTradeErrorException>(() => carol.RequestDepositAsync(new DepositOptions { DepositId = fiat.DepositID, Action = DepositAction.Complete }, ct));
        Assert.Equal("Not authorized", refused.Description);
        var progress = await broker.RequestDepositAsync(new DepositOptions { DepositId = fiat.DepositID, Action = DepositAction.Progress }, ct);
        Assert.Equal(DepositStatus.InProgress, progress.Deposit.Status);
        var complete = await broker.RequestDepositAsync(new DepositOptions { DepositId = fiat.DepositID, Action = DepositAction.Complete, Value = Amount.FromSatoshis(240 * Coin) }, ct);
        Assert.Equal((DepositStatus.Complete, 240 * Coin), (complete.Deposit.Status, complete.Deposit.PaidValue?.Satoshis));
        Assert.Equal(1_240 * Coin, (await carol.GetBalancesAsync(ct)).Get("USD")?.Total?.Satoshis);
        await Assert.ThrowsAsync<BlinkTradeErrorException>(() => broker.RequestDepositAsync(new DepositOptions { DepositId = fiat.DepositID, Action = DepositAction.Cancel }, ct));

        // The statuses of the list, and the broker's view of its customer's deposits.
        Assert.Equal(["usd-1"], await ClOrdIds(carol.GetDepositsAsync(new DepositListOptions { Statuses = [DepositStatus.Complete] }, ct)));
        Assert.Equal(["btc-2"], await ClOrdIds(broker.GetDepositsAsync(new DepositListOptions { ClientId = carolId, Statuses = [DepositStatus.Cancelled] }, ct)));
        Assert.Equal(["btc-1"], await ClOrdIds(carol.GetDepositsAsync([DepositStatus.Created], cancellationToken: ct)));
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task A_deposits_instructions_place_the_depositors_order_when_it_completes(TransportKind kind)
    {
        using var cts = Wait.Budget(60);
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        var (broker, carolId) = await BrokerForCustomerTests.StartBrokerWithCustomerAsync(h, ct);
        var carol = await BrokerForCustomerTests.ConnectCustomerAsync(h, "carol", ct);
        var reports = new Recorder<ExecutionReport>();
        using var r = carol.ExecutionReports.Subscribe(reports);
        var usdMethod = Assert.Single(await carol.GetDepositMethodsAsync(cancellationToken: ct), m => m.Currency == "USD").DepositMethodID!.Value;
        var autoBuy = new NewOrderSingle
        {
            ClOrdID = "auto-buy-1", Symbol = E2EHarness.Symbol, Side = Side.Buy, OrdType = OrdType.Limit,
            OrderQty = Quantity.FromDecimal(0.5m), Price = Price.FromDecimal(500m),
        };

        var deposit = (await carol.RequestDepositAsync(new DepositOptions { DepositMethodId = usdMethod, Value = Amount.FromSatoshis(5_000 * Coin), ClOrdId = "with-order", Instructions = [autoBuy] }, ct)).Deposit;
        Assert.Empty(await h.Exchange.GetOpenOrdersAsync(carolId, ct));
        await broker.RequestDepositAsync(new DepositOptions { DepositId = deposit.DepositID, Action = DepositAction.Credit }, ct);

        var placed = await reports.WaitForAsync(x => x.ClOrdID == "auto-buy-1", what: "the instruction's order");
        Assert.Equal((OrdStatus.New, Price.FromDecimal(500m), Quantity.FromDecimal(0.5m)), (placed.OrdStatus, placed.Price, placed.LeavesQty));
        Assert.Single(await h.Exchange.GetOpenOrdersAsync(carolId, ct));
        Assert.Equal(250 * Coin, (await carol.GetBalancesAsync(ct)).Get("USD")?.Locked?.Satoshis);

        // Only new orders for the depositor's own account can be instructions; the exchange says so at once.
        var cancel = new OrderCancelRequest { ClOrdID = "x" };
        await Assert.ThrowsAsync<BlinkTradeErrorException>(() => carol.RequestDepositAsync(new DepositOptions { Currency = "BTC", Instructions = [cancel] }, ct));
        await Assert.ThrowsAsync<BlinkTradeErrorException>(() => carol.RequestDepositAsync(new DepositOptions { Currency = "BTC", Instructions = [autoBuy with { ClientID = "acme" }] }, ct));
        Assert.Single(await carol.GetDepositsAsync(cancellationToken: ct).ToListAsync(ct));
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Withdrawals_keep_their_reference_list_by_status_and_search_term_and_a_cancel_echoes_its_own(TransportKind kind)
    {
        using var cts = Wait.Budget(60);
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        var (broker, carolId) = await BrokerForCustomerTests.StartBrokerWithCustomerAsync(h, ct);
        var carol = await BrokerForCustomerTests.ConnectCustomerAsync(h, "carol", ct);
        using var walletA = JsonDocument.Parse("""{"Wallet":"2NwalletAAA"}""");
        using var walletB = JsonDocument.Parse("""{"Wallet":"2NwalletBBB"}""");

        var a = (await carol.RequestWithdrawalAsync("BTC", Amount.FromSatoshis(Coin), "bitcoin", new WithdrawalOptions { Data = walletA.RootElement.Clone(), ClOrdId = "wd-a" }, ct)).Withdrawal;
        var b = (await carol.RequestWithdrawalAsync("BTC", Amount.FromSatoshis(Coin / 2), "bitcoin", new WithdrawalOptions { Data = walletB.RootElement.Clone(), ClOrdId = "wd-b" }, ct)).Withdrawal;
        Assert.Equal(("wd-a", "wd-b"), (a.ClOrdID, b.ClOrdID));

        // U26: pending and in progress by default (both are unconfirmed); statuses and search terms select.
        Assert.Empty(await ClOrdIds(carol.GetWithdrawalsAsync(cancellationToken: ct)));
        var unconfirmed = new[] { WithdrawStatus.Unconfirmed };
        Assert.Equal(["wd-b", "wd-a"], await ClOrdIds(carol.GetWithdrawalsAsync(new WithdrawalListOptions { Statuses = unconfirmed }, ct)));
        Assert.Equal(["wd-b"], await ClOrdIds(carol.GetWithdrawalsAsync(new WithdrawalListOptions { Statuses = unconfirmed, Filter = ["walletbbb"] }, ct)));
        Assert.Equal(["wd-b"], await ClOrdIds(carol.GetWithdrawalsAsync(new WithdrawalListOptions { Statuses = unconfirmed, Filter = ["0.5"] }, ct)));
        Assert.Equal(["wd-a"], await ClOrdIds(carol.GetWithdrawalsAsync(new WithdrawalListOptions { Statuses = unconfirmed, Filter = ["wd-a", "bitcoin"] }, ct)));
        Assert.Equal(["wd-b", "wd-a"], await ClOrdIds(broker.GetWithdrawalsAsync(new WithdrawalListOptions { ClientId = carolId, Statuses = unconfirmed, Filter = ["BTC"] }, ct)));

        // U70: the reply echoes the cancel's ClOrdID; the withdrawal keeps its own.
        var cancelled = await carol.CancelWithdrawalAsync(b.WithdrawID!.Value, new WithdrawalCancelOptions { ClOrdId = "cxl-b" }, ct);
        Assert.Equal((b.WithdrawID, WithdrawStatus.Cancelled, "cxl-b"), (cancelled.Withdrawal.WithdrawID, cancelled.Withdrawal.Status, cancelled.Withdrawal.ClOrdID));
        var listed = Assert.Single(await carol.GetWithdrawalsAsync([WithdrawStatus.Cancelled], cancellationToken: ct).ToListAsync(ct));
        Assert.Equal((b.WithdrawID, "wd-b"), (listed.WithdrawID, listed.ClOrdID));
        Assert.Equal(Coin, (await carol.GetBalancesAsync(ct)).Get("BTC")?.Locked?.Satoshis);
    }

    private static async Task<string[]> ClOrdIds(IAsyncEnumerable<Deposit> deposits) => [.. (await deposits.ToListAsync()).Select(d => d.ClOrdID ?? "(none)")];

    private static async Task<string[]> ClOrdIds(IAsyncEnumerable<Withdrawal> withdrawals) => [.. (await withdrawals.ToListAsync()).Select(w => w.ClOrdID ?? "(none)")];
}
