using BlinkTrade.Client.Protocol;
using BlinkTrade.Samples.Tests.Support;
using BlinkTrade.Testing.Tapes;

namespace BlinkTrade.Samples.Tests.Quickstart;

/// <summary><c>--record FILE</c>: the quickstart's session on a tape a test can replay.</summary>
public sealed class QuickstartRecordTests
{
    [Fact]
    public async Task Record_tapes_the_session_both_ways_with_the_password_as_stars()
    {
        var path = Path.Combine(Path.GetTempPath(), $"quickstart-tape-{Guid.NewGuid():N}.jsonl");
        try
        {
            var run = await QuickstartProcess.RunAsync("--duration", "1", "--plain", "--record", path);

            Assert.Equal(0, run.ExitCode);
            var tape = await SessionTape.LoadAsync(path);
            var login = tape.Entries.First(e => e.MsgType == MessageTypes.UserRequest);
            Assert.Equal(TapeDirection.ClientToExchange, login.Direction);
            Assert.Equal("***", login.Frame!["Password"]!.GetValue<string>());
            Assert.Contains(tape.Entries, e => e.Direction == TapeDirection.ExchangeToClient && e.MsgType == MessageTypes.MarketDataFullRefresh);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
