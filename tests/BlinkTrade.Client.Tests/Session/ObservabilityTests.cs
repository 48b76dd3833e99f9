using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Tests.Support;

namespace BlinkTrade.Client.Tests.Session;

public sealed class ObservabilityTests
{
    [Fact]
    public async Task Secrets_never_reach_the_logs_and_events_carry_ids()
    {
        var logs = new CapturingLoggerFactory();
        await using var harness = ClientHarness.Create(ExchangeScripts.Standard, o =>
        {
            o.LoggerFactory = logs;
            o.Credentials = BlinkTradeCredentials.FromPassword(ExchangeScripts.Username, ExchangeScripts.Password);
        });
        var peer = await harness.ConnectAsync();
        await Assert.ThrowsAsync<BlinkTradeLoginException>(() => harness.Client.LoginAsync(BlinkTradeCredentials.FromPassword("mallory", "hunter2-secret")));
        // A malformed frame echoing a password must not be logged verbatim either.
        peer.SendRaw("{\"MsgType\":\"BE\",\"Password\":\"hunter2-secret\",");
        await harness.Errors.WaitForAsync(e => e.Kind == BlinkTrade.Client.Diagnostics.ClientErrorKind.MalformedFrame);
        peer.Abort();
        await harness.States.WaitForAsync(s => s.State == ConnectionState.LoggedIn && s.Reason.StartsWith("Reconnected", StringComparison.Ordinal));

        var lines = logs.Lines;
        Assert.NotEmpty(lines);
        Assert.All(lines, line =>
        {
            Assert.DoesNotContain(ExchangeScripts.Password, line.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("hunter2-secret", line.Text, StringComparison.Ordinal);
            Assert.InRange(line.Id.Id, 1000, 1699);
        });
        Assert.Contains(lines, l => l.Id.Id == 1007); // login failed
        Assert.Contains(lines, l => l.Id.Id == 1100); // malformed frame
        Assert.Contains(lines, l => l.Id.Id == 1002); // connection lost
        Assert.All(harness.Errors.Items, e => Assert.DoesNotContain("hunter2-secret", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_blocked_subscriber_does_not_block_the_socket()
    {
        await using var harness = ClientHarness.Create();
        using var gate = new ManualResetEventSlim(false);
        var blocked = new RecordingObserver<BlinkTradeMessage> { OnNextAction = _ => gate.Wait(TestDefaults.Timeout) };
        harness.Client.Messages.Subscribe(blocked);
        await harness.ConnectAsync();

        // The subscriber is stuck on the first heartbeat; requests still complete.
        for (var i = 0; i < 5; i++)
        {
            await harness.Client.PingAsync().WaitAsync(TestDefaults.Timeout);
        }
        Assert.Single(blocked.Items);
        gate.Set();
        await blocked.WaitUntilAsync(items => items.Count == 5);
    }
}
