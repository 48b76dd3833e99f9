namespace BlinkTrade.Testing.Tests.Gateway;

/// <summary>Issue #20 at the wire: acting for a customer on U16 and U38 (PROTOCOL.md §5 G43), and the readable ERROR for
/// every malformed list filter, deposit action, instruction or client reference (§5 G42).</summary>
public sealed class OnBehalfAndFilterTests
{
    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task A_broker_may_disable_but_not_enable_a_customers_two_factor_and_edit_a_customer_named_by_username(TransportKind kind)
    {
        await using var harness = await ExchangeHarness.StartAsync(kind);
        await using var broker = await harness.LoginAsync("exchange", "broker12345");
        await using var alice = await harness.LoginAsync("alice");

        var enable = await broker.RequestAsync($$"""{"MsgType":"U16","EnableTwoFactorReqID":1,"Enable":true,"ClientID":{{harness.AliceId}}}""", "U17");
        Assert.Equal("Not authorized", enable.GetProperty("Description").GetString());
        var disable = await broker.RequestAsync($$"""{"MsgType":"U16","EnableTwoFactorReqID":2,"Enable":false,"ClientID":"{{harness.AliceId}}"}""", "U17");
        Assert.False(disable.GetProperty("TwoFactorEnabled").GetBoolean());
        var notHers = await alice.RequestAsync($$"""{"MsgType":"U16","EnableTwoFactorReqID":3,"Enable":false,"ClientID":{{harness.BobId}}}""", "U17");
        Assert.Equal("Not authorized", notHers.GetProperty("Description").GetString());
        var unknown = await broker.RequestAsync("""{"MsgType":"U16","EnableTwoFactorReqID":4,"Enable":false,"ClientID":999999}""", "U17");
        Assert.Equal("Invalid Client ID", unknown.GetProperty("Description").GetString());

        var edited = await broker.RequestAsync("""{"MsgType":"U38","UpdateReqID":5,"UserID":"alice","Fields":{"TransactionFeeBuy":7}}""", "U39");
        Assert.Equal(harness.AliceId, edited.GetProperty("UserID").GetInt32());
        Assert.Equal(7, edited.GetProperty("TransactionFeeBuy").GetInt32());
        var badUser = await broker.RequestAsync("""{"MsgType":"U38","UpdateReqID":6,"UserID":{"id":1},"Fields":{"TransactionFeeBuy":7}}""", "U39");
        Assert.Equal("Invalid message", badUser.GetProperty("Description").GetString());
    }

    [Theory]
    [InlineData("""{"MsgType":"U30","DepositListReqID":1,"Filter":{"a":1}}""", "U31", "Invalid value tag(Filter)")]
    [InlineData("""{"MsgType":"U26","WithdrawListReqID":1,"Filter":["1","2","3","4","5","6","7","8","9","10","11"]}""", "U27", "Invalid value tag(Filter)")]
    [InlineData("""{"MsgType":"U34","LedgerListReqID":1,"Filter":[true]}""", "U35", "Invalid value tag(Filter)")]
    [InlineData("""{"MsgType":"U32","TradeHistoryReqID":1,"Filter":"BTCUSD"}""", "U33", "Invalid value tag(Filter)")]
    [InlineData("""{"MsgType":"U18","DepositReqID":1,"Currency":"BTC","Action":"STEAL"}""", "U19", "Invalid value tag(Action)")]
    [InlineData("""{"MsgType":"U18","DepositReqID":1,"Currency":"BTC","Instructions":{"MsgType":"D"}}""", "U19", "Invalid value tag(Instructions)")]
    [InlineData("""{"MsgType":"U18","DepositReqID":1,"Currency":"BTC","Instructions":[{"MsgType":"U2","BalanceReqID":1}]}""", "U19", "Invalid value tag(Instructions)")]
    [InlineData("""{"MsgType":"U18","DepositReqID":1,"Currency":"BTC","Instructions":[{"MsgType":"D","ClOrdID":"a","Symbol":"BTCUSD","OrdType":"2","OrderQty":1,"Price":1}]}""", "U19", "Missing tag Side")]
    [InlineData("""{"MsgType":"U18","DepositReqID":1,"Currency":"BTC","ClOrdID":"0123456789012345678901234567890"}""", "U19", "Invalid value tag(ClOrdID)")]
    [InlineData("""{"MsgType":"U6","WithdrawReqID":1,"Currency":"BTC","Amount":1,"Method":"bitcoin","ClOrdID":"0123456789012345678901234567890"}""", "U7", "Invalid value tag(ClOrdID)")]
    public async Task A_malformed_filter_action_instruction_or_reference_gets_a_readable_error(string frame, string replyType, string detail)
    {
        await using var harness = await ExchangeHarness.StartAsync();
        await using var alice = await harness.LoginAsync("alice");

        var error = await alice.RequestAsync(frame, replyType);

        Assert.Equal("ERROR", error.GetProperty("MsgType").GetString());
        Assert.StartsWith(detail, error.GetProperty("Detail").GetString(), StringComparison.Ordinal);
        // The session goes on.
        Assert.Equal("U3", (await alice.RequestAsync("""{"MsgType":"U2","BalanceReqID":9}""", "U3")).GetProperty("MsgType").GetString());
    }
}
