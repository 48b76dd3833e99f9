namespace BlinkTrade.Testing.Tests.Gateway;

public sealed class ProfileTests
{
    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Update_profile_answers_U39_and_publishes_U40(TransportKind kind)
    {
        await using var harness = await ExchangeHarness.StartAsync(kind);
        await using var alice = await harness.LoginAsync("alice");
        await using var aliceElsewhere = await harness.LoginAsync("alice");

        var u39 = await alice.RequestAsync("""{"MsgType":"U38","UpdateReqID":1,"Fields":{"EmailLang":"pt_BR","ConfirmationOrder":true}}""", "U39");
        Assert.Equal(1, u39.GetProperty("UpdateReqID").GetInt32());
        Assert.Equal("pt_BR", u39.GetProperty("EmailLang").GetString());
        Assert.Equal("pt_BR", u39.GetProperty("Profile").GetProperty("EmailLang").GetString());

        var u40 = await aliceElsewhere.WaitForTypeAsync("U40");
        Assert.True(u40.GetProperty("ConfirmationOrder").GetBoolean());
        Assert.False(u40.TryGetProperty("UpdateReqID", out _));

        var fees = await alice.RequestAsync("""{"MsgType":"U38","UpdateReqID":2,"Fields":{"TransactionFeeBuy":0}}""", "U39");
        Assert.Equal("Not authorized", fees.GetProperty("Description").GetString());
        var other = await alice.RequestAsync($$$"""{"MsgType":"U38","UpdateReqID":3,"UserID":{{{harness.BobId}}},"Fields":{"EmailLang":"es"}}""", "U39");
        Assert.Equal("Not authorized", other.GetProperty("Description").GetString());
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Broker_list_shows_the_brokers_with_fees(TransportKind kind)
    {
        await using var harness = await ExchangeHarness.StartAsync(kind);
        await using var alice = await harness.LoginAsync("alice");

        var u29 = await alice.RequestAsync("""{"MsgType":"U28","BrokerListReqID":4,"Page":0,"PageSize":10}""", "U29");

        var columns = u29.GetProperty("Columns").EnumerateArray().Select(c => c.GetString()).ToList();
        var row = Assert.Single(u29.GetProperty("BrokerListGrp").EnumerateArray());
        Assert.Equal(columns.Count, row.GetArrayLength());
        Assert.Equal(5, row[columns.IndexOf("BrokerID")].GetInt32());
        Assert.Equal("exchange", row[columns.IndexOf("ShortName")].GetString());
        Assert.Equal(10, row[columns.IndexOf("TransactionFeeBuy")].GetInt32());
        Assert.Equal(20, row[columns.IndexOf("TakerTransactionFeeBuy")].GetInt32());
    }
}
