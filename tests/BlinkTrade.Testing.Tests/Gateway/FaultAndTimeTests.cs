namespace BlinkTrade.Testing.Tests.Gateway;

public sealed class FaultAndTimeTests
{
    [Fact]
    public async Task Idle_sessions_get_Session_timeout_on_the_exchange_clock()
    {
        await using var harness = await ExchangeHarness.StartAsync();
        await using var idle = await harness.ConnectAsync();
        await using var busy = await harness.LoginAsync("bob");   // logged in: the login deadline does not apply to it
        await idle.RequestAsync("""{"MsgType":"1","TestReqID":1}""", "0");

        for (var i = 0; i < 4; i++)
        {
            harness.Exchange.AdvanceTime(TimeSpan.FromSeconds(25));
            await busy.RequestAsync($$"""{"MsgType":"1","TestReqID":{{i}}}""", "0");
        }

        var error = await idle.WaitForTypeAsync("ERROR");
        Assert.Equal("Session timeout", error.GetProperty("Description").GetString());
        Assert.True(await idle.WaitForCloseAsync());
        var hb = await busy.RequestAsync("""{"MsgType":"1","TestReqID":"alive"}""", "0");
        Assert.Equal("alive", hb.GetProperty("TestReqID").GetString());
    }

    [Fact]
    public async Task Outbound_delay_holds_frames_until_the_clock_moves()
    {
        await using var harness = await ExchangeHarness.StartAsync(configure: o => o with { IdleTimeout = TimeSpan.Zero });
        await using var client = await harness.ConnectAsync();
        harness.Exchange.Faults.OutboundDelay = TimeSpan.FromSeconds(5);

        await client.SendAsync("""{"MsgType":"1","TestReqID":"late"}""");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ReceiveAsync(TimeSpan.FromMilliseconds(200)));

        harness.Exchange.AdvanceTime(TimeSpan.FromSeconds(5));
        var hb = await client.WaitForTypeAsync("0");
        Assert.Equal("late", hb.GetProperty("TestReqID").GetString());
    }

    [Fact]
    public async Task Stalled_frames_arrive_after_resume_and_close_all_closes_every_socket()
    {
        await using var harness = await ExchangeHarness.StartAsync();
        await using var first = await harness.ConnectAsync();
        await using var second = await harness.ConnectAsync();
        harness.Exchange.Faults.StallOutbound();
        Assert.True(harness.Exchange.Faults.IsStalled);

        await first.SendAsync("""{"MsgType":"1","TestReqID":"held"}""");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.ReceiveAsync(TimeSpan.FromMilliseconds(200)));
        harness.Exchange.Faults.ResumeOutbound();
        Assert.Equal("held", (await first.WaitForTypeAsync("0")).GetProperty("TestReqID").GetString());

        Assert.Equal(2, harness.Exchange.Faults.CloseAllConnections());
        Assert.True(await first.WaitForCloseAsync());
        Assert.True(await second.WaitForCloseAsync());
        for (var i = 0; i < 100 && harness.Exchange.ConnectionCount > 0; i++)
        {
            await Task.Delay(20);
        }
        Assert.Equal(0, harness.Exchange.ConnectionCount);
    }
}
