using static BlinkTrade.Testing.Tests.Gateway.Trading.TradingHarness;

namespace BlinkTrade.Testing.Tests.Gateway.Trading;

public sealed class FundingTests
{
    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Crypto_and_fiat_deposits_are_credited_when_the_broker_confirms(TransportKind kind)
    {
        await using var harness = await ExchangeHarness.StartAsync(kind);
        await using var alice = await harness.LoginAsync("alice");

        var u19 = await alice.RequestAsync("""{"MsgType":"U18","DepositReqID":1,"Currency":"BTC","BrokerID":5}""", "U19");
        Assert.Equal(1, u19.GetProperty("DepositReqID").GetInt32());
        Assert.Equal("0", u19.GetProperty("Status").GetString());
        Assert.Equal("CRY", u19.GetProperty("Type").GetString());
        Assert.StartsWith("2N", u19.GetProperty("Data").GetProperty("InputAddress").GetString());
        var depositId = u19.GetProperty("DepositID").GetString()!;
        await alice.WaitForTypeAsync("U23");

        await harness.Exchange.ConfirmDepositAsync(depositId, new(2 * Btc));
        var refreshed = await alice.WaitForAsync(f => f.GetProperty("MsgType").GetString() == "U23" && f.GetProperty("Status").GetString() == "4");
        Assert.Equal(2 * Btc, refreshed.GetProperty("PaidValue").GetInt64());
        var delta = await alice.WaitForTypeAsync("U3");
        Assert.Equal(2 * Btc, delta.GetProperty("5").GetProperty("BTC").GetInt64());

        var methods = await alice.RequestAsync("""{"MsgType":"U20","DepositMethodReqID":2}""", "U21");
        var method = methods.GetProperty("DepositMethodGrp")[0];
        Assert.Equal("USD", method.GetProperty("Currency").GetString());
        var fiat = await alice.RequestAsync($$"""{"MsgType":"U18","DepositReqID":3,"DepositMethodID":{{method.GetProperty("DepositMethodID").GetInt32()}},"Value":50000000000}""", "U19");
        Assert.Equal("USD", fiat.GetProperty("Currency").GetString());
        await harness.Exchange.ConfirmDepositAsync(fiat.GetProperty("DepositID").GetString()!);
        Assert.Equal(500 * Btc, (await harness.Exchange.GetBalanceAsync(harness.AliceId, "USD")).Total.Satoshis);

        var lookup = await alice.RequestAsync($$"""{"MsgType":"U18","DepositReqID":4,"DepositID":"{{depositId}}"}""", "U19");
        Assert.Equal("4", lookup.GetProperty("Status").GetString());
        var missing = await alice.RequestAsync("""{"MsgType":"U18","DepositReqID":5,"DepositID":"feedbeef"}""", "U19");
        Assert.Equal(-1, missing.GetProperty("DepositID").GetInt32());

        var list = await alice.RequestAsync("""{"MsgType":"U30","DepositListReqID":6,"StatusList":["4"]}""", "U31");
        Assert.Equal(2, list.GetProperty("DepositListGrp").GetArrayLength());
        Assert.Equal("DepositID", list.GetProperty("Columns")[0].GetString());

        await using var bob = await harness.LoginAsync("bob");
        var foreign = await bob.RequestAsync($$"""{"MsgType":"U18","DepositReqID":7,"DepositID":"{{depositId}}"}""", "U19");
        Assert.Equal(-1, foreign.GetProperty("DepositID").GetInt32());
    }

    // The funding requests are decoded into the SDK's records: a string correlation id (PROTOCOL.md §1.2) is still
    // echoed as sent, a missing or null field still named, and the replies encoded from records keep their fields.
    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Funding_requests_echo_a_string_request_id_and_name_a_missing_field(TransportKind kind)
    {
        await using var harness = await StartFundedAsync(kind);
        await using var alice = await harness.LoginAsync("alice");

        var u19 = await alice.RequestAsync("""{"MsgType":"U18","DepositReqID":"d-1","Currency":"BTC"}""", "U19");
        Assert.Equal("d-1", u19.GetProperty("DepositReqID").GetString());
        var u21 = await alice.RequestAsync("""{"MsgType":"U20","DepositMethodReqID":"m-1"}""", "U21");
        Assert.Equal("m-1", u21.GetProperty("DepositMethodReqID").GetString());
        var u7 = await alice.RequestAsync("""{"MsgType":"U6","WithdrawReqID":"w-1","Currency":"BTC","Amount":"100000","Method":"bitcoin","Data":{"Wallet":"2Nabc"}}""", "U7");
        Assert.Equal("w-1", u7.GetProperty("WithdrawReqID").GetString());
        Assert.Equal(100000, u7.GetProperty("Amount").GetInt64());
        var withdrawId = u7.GetProperty("WithdrawID").GetInt64();

        var refused = await alice.RequestAsync($$"""{"MsgType":"U24","WithdrawReqID":"c-1","WithdrawID":{{withdrawId}},"SecondFactor":"000000"}""", "U25");
        Assert.Equal(["MsgType=\"U25\"", "Status=\"0\"", "WithdrawID=" + withdrawId, "WithdrawReqID=\"c-1\""], Fields(refused));
        var comment = await alice.RequestAsync($$"""{"MsgType":"U78","WithdrawReqID":7,"WithdrawID":{{withdrawId}},"Message":"for the broker"}""", "U79");
        Assert.Equal(["MsgType=\"U79\"", "WithdrawID=" + withdrawId, "WithdrawReqID=7"], Fields(comment));
        var u71 = await alice.RequestAsync($$"""{"MsgType":"U70","WithdrawCancelReqID":"x-1","WithdrawID":"{{withdrawId}}"}""", "U71");
        Assert.Equal("x-1", u71.GetProperty("WithdrawCancelReqID").GetString());

        foreach (var (frame, detail) in new[]
        {
            ("""{"MsgType":"U6","Currency":"BTC","Amount":1000,"Method":"bitcoin"}""", "Missing tag WithdrawReqID"),
            ("""{"MsgType":"U6","WithdrawReqID":1,"Currency":null,"Amount":1000,"Method":"bitcoin"}""", "Missing tag Currency"),
            ("""{"MsgType":"U6","WithdrawReqID":1,"Currency":"BTC","Amount":"lots","Method":"bitcoin"}""", "Invalid value tag(Amount)=lots"),
            ("""{"MsgType":"U18","DepositReqID":null,"Currency":"BTC"}""", "Missing tag DepositReqID"),
            ("""{"MsgType":"U48","DepositMethodReqID":1}""", "Missing tag DepositMethodID"),
            ("""{"MsgType":"U70","WithdrawCancelReqID":1}""", "Missing tag WithdrawID"),
            ("""{"MsgType":"U78","WithdrawReqID":1,"WithdrawID":1}""", "Missing tag Message"),
        })
        {
            var error = await alice.RequestAsync(frame, "ERROR");
            Assert.Equal("ERROR", error.GetProperty("MsgType").GetString());
            Assert.Equal(detail, error.GetProperty("Detail").GetString());
        }
    }

    // Every field of a reply as name=JSON, sorted (the encoder appends the echoed id last; the order carries no meaning).
    private static string[] Fields(System.Text.Json.JsonElement frame)
        => [.. frame.EnumerateObject().Select(p => p.Name + "=" + p.Value.GetRawText()).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Withdrawals_lock_then_confirm_progress_complete_or_cancel(TransportKind kind)
    {
        await using var harness = await StartFundedAsync(kind);
        await using var alice = await harness.LoginAsync("alice");

        var u7 = await alice.RequestAsync("""{"MsgType":"U6","WithdrawReqID":1,"Currency":"BTC","Amount":100000000,"Method":"bitcoin","Data":{"Wallet":"2Nabc"}}""", "U7");
        Assert.Equal("0", u7.GetProperty("Status").GetString());
        Assert.Equal("2Nabc", u7.GetProperty("Data").GetProperty("Wallet").GetString());
        var withdrawId = u7.GetProperty("WithdrawID").GetInt64();
        await alice.WaitForTypeAsync("U9");
        Assert.Equal(Btc, (await harness.Exchange.GetBalanceAsync(harness.AliceId, "BTC")).Locked.Satoshis);

        var bad = await alice.RequestAsync("""{"MsgType":"U24","WithdrawReqID":2,"ConfirmationToken":"WRONG"}""", "U25");
        Assert.Equal("0", bad.GetProperty("Status").GetString());
        var token = await harness.Exchange.GetWithdrawalConfirmationTokenAsync(withdrawId);
        var u25 = await alice.RequestAsync($$"""{"MsgType":"U24","WithdrawReqID":3,"ConfirmationToken":"{{token}}"}""", "U25");
        Assert.Equal("1", u25.GetProperty("Status").GetString());

        var pending = await alice.RequestAsync("""{"MsgType":"U26","WithdrawListReqID":4}""", "U27");
        Assert.Equal(withdrawId, pending.GetProperty("WithdrawListGrp")[0][0].GetInt64());

        Assert.Equal("2", await harness.Exchange.ProcessWithdrawalAsync(withdrawId, WithdrawalAction.Progress));
        var balance = await harness.Exchange.GetBalanceAsync(harness.AliceId, "BTC");
        Assert.Equal(9 * Btc, balance.Total.Satoshis);
        Assert.Equal(0, balance.Locked.Satoshis);
        Assert.Equal("4", await harness.Exchange.ProcessWithdrawalAsync(withdrawId, WithdrawalAction.Complete));
        await alice.WaitForAsync(f => f.GetProperty("MsgType").GetString() == "U9" && f.GetProperty("Status").GetString() == "4");

        // A second one is cancelled by the user: unlocked.
        var second = await alice.RequestAsync("""{"MsgType":"U6","WithdrawReqID":5,"Currency":"USD","Amount":1000000000,"Method":"bank","Data":"{\"Account\":\"1\"}"}""", "U7");
        Assert.Equal(10 * Btc, (await harness.Exchange.GetBalanceAsync(harness.AliceId, "USD")).Locked.Satoshis);
        var u71 = await alice.RequestAsync($$"""{"MsgType":"U70","WithdrawCancelReqID":6,"WithdrawID":{{second.GetProperty("WithdrawID").GetInt64()}}}""", "U71");
        Assert.Equal("8", u71.GetProperty("Status").GetString());
        Assert.Equal(0, (await harness.Exchange.GetBalanceAsync(harness.AliceId, "USD")).Locked.Satoshis);

        var tooMuch = await alice.RequestAsync("""{"MsgType":"U6","WithdrawReqID":7,"Currency":"BTC","Amount":10000000000,"Method":"bitcoin"}""", "U7");
        Assert.Equal("8", tooMuch.GetProperty("Status").GetString());
        Assert.Equal(-1, tooMuch.GetProperty("ReasonID").GetInt32());
        var badMethod = await alice.RequestAsync("""{"MsgType":"U6","WithdrawReqID":8,"Currency":"BTC","Amount":1,"Method":"paypal"}""", "U7");
        Assert.Equal("Not authorized", badMethod.GetProperty("Description").GetString());

        var all = await alice.RequestAsync("""{"MsgType":"U26","WithdrawListReqID":9,"StatusList":["4","8"]}""", "U27");
        Assert.Equal(3, all.GetProperty("WithdrawListGrp").GetArrayLength());
    }
}
