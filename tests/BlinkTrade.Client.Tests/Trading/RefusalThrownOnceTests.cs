using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Requests;
using BlinkTrade.Client.Tests.Support;
using BlinkTrade.Client.Trading;

namespace BlinkTrade.Client.Tests.Trading;

/// <summary>Issue 18 (task 18s): a refused request reaches the application as the same exception as before, thrown
/// once, at the application's <c>await</c> — no layer of the client awaits and rethrows it on the way (each rethrow
/// appended a "previous location" to its stack trace and cost a stack-trace capture).</summary>
public sealed class RefusalThrownOnceTests
{
    private const string Rethrown = "End of stack trace from previous location";

    [Fact]
    public async Task A_cancel_refused_with_ERROR_is_thrown_once_where_the_application_awaits_it()
    {
        await using var harness = ClientHarness.Create();
        var peer = await harness.ConnectAsync();

        var cancelling = harness.Client.CancelOrderAsync("filled-first");
        await peer.ExpectAsync<OrderCancelRequest>(r => r.ClOrdID == "filled-first");
        peer.Send(new ErrorMessage { Description = "Invalid Parameter", Detail = "Order not open: already filled", ReqID = "filled-first" });

        var error = await CatchAsync<OrderCancelRejectedException>(cancelling);
        Assert.Equal(("Invalid Parameter", "Order not open: already filled", "filled-first"), (error.Description, error.Detail, error.ReqID));
        AssertThrownOnceAtTheCaller(error);
    }

    [Fact]
    public async Task An_order_refused_with_ERROR_or_by_the_pre_trade_checks_is_thrown_once_and_never_at_the_call()
    {
        await using var harness = ClientHarness.Create(p =>
        {
            ExchangeScripts.Standard(p);
            p.Respond<NewOrderSingle>(o => new ErrorMessage { Description = "Invalid message", Detail = "Not enough balance", ReqID = o.ClOrdID });
        }, o => o.PreTradeChecks.Enabled = true);
        await harness.ConnectAsync();

        // The first order waits for the instrument list; the second finds it in hand (checked without an async step).
        foreach (var clOrdId in new[] { "first", "second" })
        {
            var refused = await CatchAsync<BlinkTradeErrorException>(harness.Client.SendOrderAsync(NewOrder.Limit("BTCUSD", Side.Buy, Quantity.FromDecimal(0.1m), Price.FromDecimal(600m)) with { ClOrdID = clOrdId }));
            Assert.Equal(("Not enough balance", clOrdId), (refused.Detail, refused.ReqID));
            if (clOrdId == "second")
            {
                AssertThrownOnceAtTheCaller(refused);
            }
        }

        // A refusal of the checks is the task's, not a throw at the call, whether or not the list is in hand.
        var tooSmall = harness.Client.SendOrderAsync(NewOrder.Limit("BTCUSD", Side.Buy, Quantity.FromDecimal(0.00009m), Price.FromDecimal(600m)));
        Assert.Equal(PreTradeCheckFailure.QuantityBelowMinimum, (await CatchAsync<PreTradeCheckException>(tooSmall)).Failure);
        var badShape = harness.Client.SendOrderAsync(NewOrder.Limit("BTCUSD", Side.Borrow, Quantity.FromDecimal(1m), Price.FromDecimal(600m)));
        Assert.Equal(PreTradeCheckFailure.InvalidSide, (await CatchAsync<PreTradeCheckException>(badShape)).Failure);
        var unknown = harness.Client.SendOrderAsync(NewOrder.Limit("NOPE", Side.Buy, Quantity.FromDecimal(1m), Price.FromDecimal(600m)));
        Assert.Equal(PreTradeCheckFailure.UnknownSymbol, (await CatchAsync<PreTradeCheckException>(unknown)).Failure);
    }

    [Fact]
    public async Task A_raw_request_answered_with_ERROR_is_thrown_once()
    {
        await using var harness = ClientHarness.Create();
        var peer = await harness.ConnectAsync();

        var asking = harness.Client.RequestAsync(new UserBalanceRequest { BalanceReqID = 42 }, "42", MessageTypes.BalanceResponse);
        await peer.ExpectAsync<UserBalanceRequest>();
        peer.Send(new ErrorMessage { Description = "Not authorized", ReqID = "42" });

        var error = await CatchAsync<BlinkTradeErrorException>(asking);
        Assert.Equal(("Not authorized", "42"), (error.Description, error.ReqID));
        AssertThrownOnceAtTheCaller(error);
    }

    // The application's await: the one place the exception is thrown.
    private static async Task<T> CatchAsync<T>(Task task)
        where T : Exception
    {
        try
        {
            await task.WaitAsync(TestDefaults.Timeout);
        }
        catch (T e)
        {
            return e;
        }
        throw new Xunit.Sdk.XunitException($"Expected a {typeof(T).Name}; the task ended {task.Status}.");
    }

    private static void AssertThrownOnceAtTheCaller(Exception error)
    {
        var trace = error.StackTrace ?? string.Empty;
        Assert.Contains(nameof(CatchAsync), trace, StringComparison.Ordinal);
        Assert.DoesNotContain(Rethrown, trace, StringComparison.Ordinal);
        Assert.DoesNotContain("BlinkTrade.Client.Internal", trace, StringComparison.Ordinal);
    }
}
