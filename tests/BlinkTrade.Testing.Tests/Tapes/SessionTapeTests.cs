using System.Globalization;
using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using BlinkTrade.Client;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Trading;
using BlinkTrade.Testing.Scenarios;
using BlinkTrade.Testing.Tapes;
using Microsoft.Extensions.Time.Testing;

namespace BlinkTrade.Testing.Tests.Tapes;

/// <summary>Session tapes: recording (both sides, credentials redacted) and replaying to a client as a scripted exchange.</summary>
public sealed class SessionTapeTests
{
    private const string Symbol = "BTCUSD";
    private static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_recorded_tape_replays_to_the_same_reports_books_and_balances_ten_times_in_a_row()
    {
        var (tape, recorded) = await RecordScriptedRunAsync();
        Assert.Contains("Filled", recorded, StringComparison.Ordinal); // the script really traded
        Assert.Contains("Cancelled", recorded, StringComparison.Ordinal);

        for (var run = 0; run < 10; run++)
        {
            await using var replayer = new TapeReplayer(tape);
            await using var client = ReplayingClient(replayer);
            await client.ConnectAsync().WaitAsync(SafetyNet);

            var replayed = await RunScriptAsync(client, settle: () => Task.CompletedTask);

            await replayer.Completion.WaitAsync(SafetyNet);
            Assert.Equal(recorded, replayed);
        }
    }

    [Fact]
    public async Task The_tape_has_every_frame_with_its_time_and_the_password_only_as_stars()
    {
        var (tape, _) = await RecordScriptedRunAsync();

        var login = Assert.Single(tape.Entries, e => e.MsgType == MessageTypes.UserRequest);
        Assert.Equal(TapeDirection.ClientToExchange, login.Direction);
        Assert.Equal("***", login.Frame!["Password"]!.GetValue<string>());
        Assert.Equal(ExchangeScenario.DefaultStart, login.Time);
        Assert.Contains(tape.Entries, e => e.Direction == TapeDirection.ExchangeToClient && e.MsgType == MessageTypes.ExecutionReport);
        Assert.All(tape.Entries, e => Assert.Equal(1, e.Connection));
    }

    [Theory]
    [InlineData("""{"MsgType":"BE","Password":{"nested":"pw-hidden-1"}}""")]
    [InlineData("""{"MsgType":"BE","Password":["pw-hidden-1"]}""")]
    [InlineData("""{"MsgType":"1","MsgType":"1","Password":"pw-hidden-1"}""")]
    [InlineData("pw-hidden-1 is no JSON")]
    public async Task A_hostile_frame_is_taped_without_its_secret_and_does_not_stop_the_recording(string frame)
    {
        var tape = new StringWriter(CultureInfo.InvariantCulture);
        await using (var recorder = new TapeRecorder(tape))
        {
            recorder.Record(1, TapeDirection.ClientToExchange, System.Text.Encoding.UTF8.GetBytes(frame));
            recorder.Record(1, TapeDirection.ClientToExchange, """{"MsgType":"1","TestReqID":"after"}"""u8);
        }
        var text = tape.ToString();
        Assert.DoesNotContain("pw-hidden-1", text, StringComparison.Ordinal);
        Assert.Contains("after", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_exchange_side_recording_holds_the_same_frames_in_the_same_order_as_the_client_side()
    {
        var clientSide = new StringWriter(CultureInfo.InvariantCulture);
        var exchangeSide = new StringWriter(CultureInfo.InvariantCulture);
        await using (var exchangeRecorder = new TapeRecorder(exchangeSide))
        {
            await using var scenario = await ExchangeScenario.Create()
                .Instrument(Symbol, "BTC", "USD")
                .User("alice", brokerId: null, connect: false, ("USD", 10_000))
                .WithOptions(o => o with { SessionTape = exchangeRecorder })
                .StartAsync();
            await using var clientRecorder = new TapeRecorder(clientSide);
            var client = await scenario.ConnectAsync("alice", o => o.Transport = clientRecorder.Wrap(o.Transport!));
            await client.SendOrderAsync(NewOrder.Limit(Symbol, Side.Buy, Quantity.FromDecimal(1m), Price.FromDecimal(500m)));
            await client.GetBalancesAsync();
            await scenario.RunUntilIdleAsync();
        }

        var fromClient = await SessionTape.ReadAsync(new StringReader(clientSide.ToString()));
        var fromExchange = await SessionTape.ReadAsync(new StringReader(exchangeSide.ToString()));
        Assert.NotEmpty(fromClient.Entries);
        // Per direction the order is the wire's; across directions each side sees its own sends first.
        foreach (var direction in new[] { TapeDirection.ClientToExchange, TapeDirection.ExchangeToClient })
        {
            Assert.Equal(
                fromClient.Entries.Where(e => e.Direction == direction).Select(e => e.Frame!.ToJsonString()),
                fromExchange.Entries.Where(e => e.Direction == direction).Select(e => e.Frame!.ToJsonString()));
        }
    }

    [Fact]
    public async Task A_client_that_departs_from_the_tape_faults_the_replay_naming_the_frame_it_expected()
    {
        var (tape, _) = await RecordScriptedRunAsync();
        await using var replayer = new TapeReplayer(tape);
        await using var client = ReplayingClient(replayer);
        await client.ConnectAsync().WaitAsync(SafetyNet);

        // The recorded client subscribed to the book next; this one asks for the security list instead.
        using var stop = new CancellationTokenSource();
        var request = client.GetSecurityListAsync(stop.Token);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => replayer.Completion.WaitAsync(SafetyNet));
        Assert.Contains($"expected the client to send MsgType {MessageTypes.MarketDataRequest}", error.Message, StringComparison.Ordinal);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => request);
    }

    [Fact]
    public async Task A_tapes_market_data_rests_the_book_its_client_last_saw_on_a_new_exchange()
    {
        var (tape, _) = await RecordScriptedRunAsync();

        await using var scenario = await ExchangeScenario.Create()
            .Instrument(Symbol, "BTC", "USD")
            .BookFromTape(tape, Symbol)
            .StartAsync();

        // The script bought 1 at 600 and 0.5 at 601, and cancelled its own 650 offer: 1.5 left at 601, the bid untouched.
        var book = await scenario.Exchange.GetBookAsync(Symbol);
        Assert.Equal([(601m, 1.5m)], book.Offers.Select(o => (o.Price.ToDecimal(), o.Quantity.ToDecimal())));
        Assert.Equal([(599m, 1m)], book.Bids.Select(o => (o.Price.ToDecimal(), o.Quantity.ToDecimal())));
        Assert.Throws<ArgumentException>(() => ExchangeScenario.Create().BookFromTape(tape, "ETHUSD"));
    }

    [Fact]
    public async Task A_tape_line_that_is_not_an_entry_is_refused_with_its_line_number()
    {
        var error = await Assert.ThrowsAsync<FormatException>(() => SessionTape.ReadAsync(new StringReader(
            "{\"t\":\"2026-01-01T00:00:00.0000000+00:00\",\"conn\":1,\"dir\":\"in\",\"frame\":{\"MsgType\":\"0\"}}\n{\"t\":1}")));
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    private static async Task<(SessionTape Tape, string Visible)> RecordScriptedRunAsync()
    {
        await using var scenario = await ExchangeScenario.Create()
            .Instrument(Symbol, "BTC", "USD")
            .User("alice", brokerId: null, connect: false, ("USD", 10_000), ("BTC", 5))
            .Book(Symbol, asks: [(600, 1), (601, 2)], bids: [(599, 1)])
            .StartAsync();
        var text = new StringWriter(CultureInfo.InvariantCulture);
        string visible;
        await using (var recorder = new TapeRecorder(text, scenario.Clock))
        {
            var client = await scenario.ConnectAsync("alice", o => o.Transport = recorder.Wrap(o.Transport!));
            visible = await RunScriptAsync(client, settle: () => scenario.RunUntilIdleAsync());
        }
        return (await SessionTape.ReadAsync(new StringReader(text.ToString())), visible);
    }

    /// <summary>The script: watch the book, take liquidity, rest and cancel an offer; then what the client sees.</summary>
    private static async Task<string> RunScriptAsync(BlinkTradeClient client, Func<Task> settle)
    {
        using var watching = client.ObserveOrderBook(Symbol).Subscribe(_ => { });
        await client.ObserveOrderBook(Symbol).FirstAsync(book => book.Asks.Count == 2 && book.Bids.Count == 1).ToTask().WaitAsync(SafetyNet);

        await client.SendOrderAsync(NewOrder.Limit(Symbol, Side.Buy, Quantity.FromDecimal(1.5m), Price.FromDecimal(601m))); // 1 at 600, 0.5 at 601
        var offer = await client.SendOrderAsync(NewOrder.Limit(Symbol, Side.Sell, Quantity.FromDecimal(0.2m), Price.FromDecimal(650m)));
        await client.CancelOrderAsync(offer.ClOrdID!);
        await settle();
        // The last frame of the tape is this reply, so everything before it was applied when it returns.
        var balances = await client.GetBalancesAsync();
        var book = await client.ObserveOrderBook(Symbol).FirstAsync().ToTask().WaitAsync(SafetyNet);

        // Client order ids are random per client, so reports are compared by everything else.
        var orders = client.Orders.All.OrderBy(r => r.OrderID).Select(r =>
            $"{r.OrderID} {r.Side} {r.OrdStatus} {r.Price} {r.OrderQty} cum {r.CumQty} leaves {r.LeavesQty} cxl {r.CxlQty} avg {r.AvgPx}");
        var levels = book.Asks.Select(e => $"ask {e.Price} {e.Size} #{e.OrderId}").Concat(book.Bids.Select(e => $"bid {e.Price} {e.Size} #{e.OrderId}"));
        var money = new[] { "USD", "BTC" }.Select(c => $"{c} {balances.Get(c)?.Total} locked {balances.Get(c)?.Locked}");
        return string.Join('\n', orders.Concat(levels).Concat(money));
    }

    private static BlinkTradeClient ReplayingClient(TapeReplayer replayer) => new(new BlinkTradeClientOptions
    {
        Transport = replayer,
        BrokerId = 5,
        Credentials = BlinkTradeCredentials.FromPassword("alice", "not-on-the-tape"),
        TimeProvider = new FakeTimeProvider(ExchangeScenario.DefaultStart),
        Pacing = new PacingOptions { Enabled = false },
    });
}
