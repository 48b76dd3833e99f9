using BlinkTrade.Quickstart;
using BlinkTrade.Quickstart.Cli;

namespace BlinkTrade.Samples.Tests.Quickstart;

/// <summary>The command line, parsed in process (the process tests check the same through a real run).</summary>
public sealed class QuickstartCommandTests
{
    private static readonly Func<QuickstartOptions, CancellationToken, Task<int>> NotRun = (_, _) => Task.FromResult(0);

    [Fact]
    public void No_arguments_mean_the_embedded_exchange_until_ctrl_c_with_the_demo_order()
    {
        var options = Parse();

        Assert.True(options.IsEmbedded);
        Assert.Null(options.Duration);
        Assert.Equal("BTCUSD", options.Symbol);
        Assert.True(options.PlacesDemoOrder);
        Assert.False(options.PlainText);
    }

    [Fact]
    public void A_remote_server_never_gets_the_demo_order_unless_asked()
    {
        var remote = Parse("--url", "wss://api_testnet.blinktrade.com/trade/", "--user", "alice", "--password", "secret", "--broker", "11", "--duration", "2.5");

        Assert.False(remote.IsEmbedded);
        Assert.Equal(new Uri("wss://api_testnet.blinktrade.com/trade/"), remote.Url);
        Assert.Equal(("alice", "secret", 11), (remote.User, remote.Password.Reveal(), remote.BrokerId));
        Assert.Equal(TimeSpan.FromSeconds(2.5), remote.Duration);
        Assert.False(remote.PlacesDemoOrder);
        Assert.Equal("***", remote.Password.ToString()); // never printable by accident

        Assert.True(Parse("--url", "ws://127.0.0.1:8080/trade/", "--user", "alice", "--password", "x", "--demo-order").PlacesDemoOrder);
    }

    [Theory]
    [InlineData("--duration -1", "--duration must be a positive number of seconds (got '-1').")]
    [InlineData("--duration 0", "--duration must be a positive number of seconds (got '0').")]
    [InlineData("--url ws://127.0.0.1:9/ --password x", "--url needs --user (a username, email or API key).")]
    [InlineData("--url ftp://example.com/ --user a --password x", "--url must be a ws:// or wss:// URL such as wss://api_testnet.blinktrade.com/trade/ (got 'ftp://example.com/').")]
    [InlineData("--password x", "--password can only be used with --url (the embedded exchange logs you in by itself).")]
    [InlineData("--url ws://127.0.0.1:9/ --user a --password x --seed 7", "--seed can only be used without --url (it seeds the embedded exchange's simulated traders).")]
    [InlineData("--symbol BTC-USD", "--symbol must be letters and digits, e.g. BTCUSD.")]
    [InlineData("--symbol BTCUSDT", "--symbol must be six letters (base and quote currency, e.g. BTCUSD) on the embedded exchange.")]
    public void Invalid_combinations_are_parse_errors_with_a_clear_message(string commandLine, string message)
    {
        var result = new QuickstartCommand(NotRun).Root.Parse(commandLine.Split(' '));

        Assert.Contains(message, result.Errors.Select(e => e.Message));
    }

    [Fact]
    public void A_refused_password_is_never_echoed_in_an_error()
    {
        var result = new QuickstartCommand(NotRun).Root.Parse(["--password", "hunter2-secret", "--broker", "-3"]);

        Assert.NotEmpty(result.Errors);
        Assert.DoesNotContain(result.Errors, e => e.Message.Contains("hunter2", StringComparison.Ordinal));
    }

    private static QuickstartOptions Parse(params string[] args)
    {
        var command = new QuickstartCommand(NotRun);
        var result = command.Root.Parse(args);
        Assert.Empty(result.Errors);
        return command.ToOptions(result);
    }
}
