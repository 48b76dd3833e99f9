namespace BlinkTrade.Testing.Tests.Gateway;

/// <summary>An ill-typed credential is refused with ERROR, but its value is never echoed in the Detail or logged.</summary>
public sealed class SecretEchoTests
{
    [Theory]
    [InlineData("""{"MsgType":"BE","UserReqID":1,"BrokerID":5,"Username":"alice","Password":987654321,"UserReqTyp":"1"}""")]
    [InlineData("""{"MsgType":"BE","UserReqID":1,"BrokerID":5,"Username":"alice","Password":{"pw":"987654321"},"UserReqTyp":"1"}""")]
    [InlineData("""{"MsgType":"BE","UserReqID":1,"BrokerID":5,"Username":"alice","Password":"abc12345","SecondFactor":[987654321],"UserReqTyp":"1"}""")]
    [InlineData("""{"MsgType":"U0","UserReqID":1,"BrokerID":5,"Username":"carol","Email":"c@example.com","Password":987654321}""")]
    public async Task Ill_typed_credentials_are_not_echoed_or_logged(string frame)
    {
        var logs = new CollectingLoggerFactory();
        await using var harness = await ExchangeHarness.StartAsync(configure: o => o with { LoggerFactory = logs });
        await using var client = await harness.ConnectAsync();

        await client.SendAsync(frame);
        var reply = await client.WaitForAsync(f => f.GetProperty("MsgType").GetString() is "ERROR" or "BF");

        Assert.DoesNotContain("987654321", reply.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("987654321", StringComparison.Ordinal)
            || (e.Exception?.ToString().Contains("987654321", StringComparison.Ordinal) ?? false));

        // The session stays usable.
        await client.SendAsync("""{"MsgType":"1","TestReqID":"after"}""");
        await client.WaitForAsync(f => f.GetProperty("MsgType").GetString() == "0");
    }
}
