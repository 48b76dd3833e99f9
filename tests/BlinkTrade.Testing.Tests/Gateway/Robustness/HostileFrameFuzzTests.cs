using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;
using BlinkTrade.Client.Transport;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;
using static BlinkTrade.Testing.Tests.Gateway.Trading.TradingHarness;

namespace BlinkTrade.Testing.Tests.Gateway.Robustness;

/// <summary>
/// Issue 12: ≥ 10,000 generated hostile frames per run (<see cref="HostileFrames"/>) against one exchange, 9,000 in
/// memory and 1,000 over the loopback WebSocket (text and binary messages), half from logged-in sessions and half
/// from anonymous ones, while a well-behaved session stays logged in over the WebSocket the whole time.
/// </summary>
/// <remarks>
/// <para>
/// Each hostile frame is followed by a sentinel heartbeat; the frames before the sentinel's answer are the frame's
/// answers (a handler's publications are released before its session reads the next frame, G39). Every frame must be
/// answered — by a reply, a documented reject or a documented ERROR (never <c>"Unknow error"</c>) — except the
/// requests the protocol lets pass silently (V unsubscribe, F cancel-all with nothing open). A session may only close
/// after a documented closing ERROR (or, over the WebSocket, for a text message that is not UTF-8: RFC 6455 §8.1
/// closes the connection with 1007; as a binary message the same bytes get <c>ERROR "Invalid UTF-8"</c>). The rate limit is disabled for this exchange (<c>MaxMessagesPerSecond = 0</c>):
/// the fuzz sends as fast as the exchange answers, which the 15-per-second limit would close at once.
/// </para>
/// <para>
/// Seeded: set <c>FUZZ_SEED</c> to replay a run; the seed is printed, and repeated in every failure with the frame.
/// Runs alone (CPU-bound: the socket-timing tests beside it would starve).
/// </para>
/// </remarks>
[Collection(SocketTimingCollection.Name)]
public sealed class HostileFrameFuzzTests(ITestOutputHelper output)
{
    private const int InMemoryFrames = 9_000;
    private const int WebSocketFrames = 1_000;
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(30);

    // Every ERROR Description the gateway documents for a refused request (GatewayErrors, PROTOCOL.md §1.3).
    private static readonly HashSet<string> DocumentedErrors = new(StringComparer.Ordinal)
    {
        "Invalid message", "Not authorized", "Invalid Client ID", "Invalid Parameter", "ApiKey is not valid", "ApiKey is not revocable",
        "User is already logged in",
    };

    // The ERRORs after which the protocol closes a session (rate limit, oversized frame, slow consumer, idle).
    private static readonly HashSet<string> DocumentedCloses = new(StringComparer.Ordinal)
    {
        "Too many messages per second", "Message too large", "Slow consumer", "Session timeout",
    };

    [Fact]
    public async Task Ten_thousand_hostile_frames_end_no_session_and_leave_the_well_behaved_one_untouched()
    {
        var seed = ulong.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var fixedSeed) ? fixedSeed : (ulong)Random.Shared.NextInt64();
        output.WriteLine($"FUZZ_SEED={seed}");
        var generation = Stopwatch.StartNew();
        var frames = Gen.Sample(HostileFrames.Frame(), InMemoryFrames + WebSocketFrames, new Rnd(seed), 50);
        Assert.True(frames.Length >= 10_000, $"only {frames.Length} frames");
        output.WriteLine($"{frames.Length} frames generated in {generation.Elapsed.TotalSeconds:F1} s");

        var logs = new CollectingLoggerFactory();
        await using var harness = await StartFundedAsync(TransportKind.WebSocket, o => o with { LoggerFactory = logs, MaxMessagesPerSecond = 0 });
        var carolId = await harness.Exchange.CreateUserAsync("carol", ExchangeHarness.Password, 5, "carol@example.com");
        await harness.Exchange.CreditAsync(carolId, "BTC", new(10 * Btc));
        await harness.Exchange.CreditAsync(carolId, "USD", new(100_000 * Btc));
        var circulation = await CirculationAsync(harness);

        // The well-behaved session: Bob over the WebSocket, logged in from start to end, with a resting order — on a book
        // the fuzz never names: on BTCUSD a fuzzed market sell could legitimately fill it (seen once) and move his money.
        await harness.Exchange.CreateInstrumentAsync("LTCUSD", "LTC", "USD", tickSize: new(1_000_000), minQty: new(10_000));
        await using var bob = await harness.LoginAsync("bob");
        await bob.SendAsync(Order("bob-rest", "1", 100 * Btc, 10_000).Replace("\"BTCUSD\"", "\"LTCUSD\"", StringComparison.Ordinal));
        await bob.WaitForAsync(Er("bob-rest", "0"));
        await bob.WaitForTypeAsync("U3");
        var bobBalances = await BalancesAsync(harness, harness.BobId);

        var run = new Run(seed, harness, logs, output);
        var watch = Stopwatch.StartNew();
        await using (var alice = await Lane.InMemoryAsync(harness, "10.1.0.1", "alice"))
        await using (var anonymous = await Lane.InMemoryAsync(harness, "10.1.0.2", null))
        {
            for (var i = 0; i < InMemoryFrames; i++)
            {
                await run.SendAsync(i % 2 == 0 ? alice : anonymous, frames[i], i);
                if (i % 500 == 0)
                {
                    await AssertHeartbeatAsync(bob, "bob-" + i);
                }
            }
            await run.AssertAliveAsync(alice);
            await run.AssertAliveAsync(anonymous);
        }
        var inMemoryTime = watch.Elapsed;
        await using (var carol = await Lane.WebSocketAsync(harness, "carol"))
        await using (var anonymous = await Lane.WebSocketAsync(harness, null))
        {
            for (var i = InMemoryFrames; i < frames.Length; i++)
            {
                await run.SendAsync(i % 2 == 0 ? carol : anonymous, frames[i], i);
                if (i % 250 == 0)
                {
                    await AssertHeartbeatAsync(bob, "bob-" + i);
                }
            }
            await run.AssertAliveAsync(carol);
            await run.AssertAliveAsync(anonymous);
        }
        output.WriteLine($"{InMemoryFrames} in-memory frames in {inMemoryTime.TotalSeconds:F1} s, {WebSocketFrames} WebSocket frames in {(watch.Elapsed - inMemoryTime).TotalSeconds:F1} s; " +
            $"{run.Errors} ERRORs, {run.Silent} silent, {run.Replies} other answers, {run.Closes} documented closes, {run.Relogins} re-logins");

        output.WriteLine("ERRORs: " + string.Join("; ", run.ErrorKinds.OrderByDescending(k => k.Value).Select(k => $"{k.Value} × {k.Key}")));

        // The well-behaved session: still answering, never refused anything, its money untouched.
        await AssertHeartbeatAsync(bob, "bob-end");
        Assert.DoesNotContain(bob.Backlog, f => f.GetProperty("MsgType").GetString() == "ERROR");
        Assert.Equal(bobBalances, await BalancesAsync(harness, harness.BobId));
        Assert.Contains(await harness.Exchange.GetOpenOrdersAsync(harness.BobId), o => o.ClOrdId == "bob-rest");
        // Money is conserved: hostile frames may move a user's funds between available and locked, never create or destroy them.
        Assert.Equal(circulation, await CirculationAsync(harness));
        // Nothing escaped a handler: no failure, no last-resort recovery, no error from any component.
        var failures = logs.Entries.Where(e => e.Level >= LogLevel.Error || e.Id.Id is 4004 or 4031).ToList();
        Assert.True(failures.Count == 0, $"FUZZ_SEED={seed}: {failures.Count} error log lines, first: {failures.FirstOrDefault().Message} {failures.FirstOrDefault().Exception}");
    }

    private static async Task AssertHeartbeatAsync(GatewayClient client, string id)
    {
        var hb = await client.RequestAsync($$"""{"MsgType":"1","TestReqID":"{{id}}"}""", "0");
        Assert.Equal("0", Type(hb));
        Assert.Equal(id, hb.GetProperty("TestReqID").GetString());
    }

    private static async Task<(long Btc, long Usd)> CirculationAsync(ExchangeHarness harness) =>
        ((await harness.Exchange.GetTotalInCirculationAsync("BTC")).Satoshis, (await harness.Exchange.GetTotalInCirculationAsync("USD")).Satoshis);

    private static async Task<(long BtcTotal, long BtcLocked, long UsdTotal, long UsdLocked)> BalancesAsync(ExchangeHarness harness, int userId)
    {
        var btc = await harness.Exchange.GetBalanceAsync(userId, "BTC");
        var usd = await harness.Exchange.GetBalanceAsync(userId, "USD");
        return (btc.Total.Satoshis, btc.Locked.Satoshis, usd.Total.Satoshis, usd.Locked.Satoshis);
    }

    // One fuzzing connection: a raw protocol client, plus the socket itself over the WebSocket (binary messages).
    private sealed class Lane : IAsyncDisposable
    {
        private readonly Func<Task<(GatewayClient, ClientWebSocket?)>> _connect;

        private Lane(Func<Task<(GatewayClient, ClientWebSocket?)>> connect, string? user)
        {
            _connect = connect;
            User = user;
        }

        public GatewayClient Client { get; private set; } = null!;

        public ClientWebSocket? Socket { get; private set; }

        public string? User { get; }

        public static Task<Lane> InMemoryAsync(ExchangeHarness harness, string ip, string? user) => StartAsync(new Lane(async () =>
        {
            var connection = await harness.Exchange.CreateInMemoryTransport(ip).ConnectAsync(new Uri("ws://in-memory/trade/"), CancellationToken.None);
            return (new GatewayClient(connection), null);
        }, user));

        public static Task<Lane> WebSocketAsync(ExchangeHarness harness, string? user) => StartAsync(new Lane(async () =>
        {
            var socket = new ClientWebSocket();
            await socket.ConnectAsync(harness.Exchange.WebSocketUri!, CancellationToken.None);
            return (new GatewayClient(new WebSocketConnection(socket, "fuzz")), socket);
        }, user));

        /// <summary>Connects again (after a documented close) and logs in again when the lane has a user.</summary>
        public async Task ReconnectAsync()
        {
            await DisposeAsync();
            (Client, Socket) = await _connect();
            await LoginAsync();
        }

        /// <summary>Logs the lane's user in (again); false when the login is refused (e.g. a fuzzed 2FA or password change).</summary>
        public async Task<bool> LoginAsync()
        {
            if (User is null)
            {
                return true;
            }
            var bf = await Client.RequestAsync(Login(User, ExchangeHarness.Password), "BF");
            return bf.TryGetProperty("UserStatus", out var status) && status.GetInt32() == 1;
        }

        public Task SendAsync(FuzzFrame frame) => frame.Binary && Socket is { } socket
            ? socket.SendAsync(frame.Bytes, WebSocketMessageType.Binary, true, CancellationToken.None)
            : Client.Connection.SendAsync(frame.Bytes, CancellationToken.None).AsTask();

        public async ValueTask DisposeAsync()
        {
            if (Client is not null)
            {
                await Client.DisposeAsync();
            }
            Socket?.Dispose();
        }

        private static async Task<Lane> StartAsync(Lane lane)
        {
            (lane.Client, lane.Socket) = await lane._connect();
            Assert.True(await lane.LoginAsync());
            return lane;
        }
    }

    // Sends frames and checks their answers; counts what it saw.
    private sealed class Run(ulong seed, ExchangeHarness harness, CollectingLoggerFactory logs, ITestOutputHelper output)
    {
        private int _sentinel;

        /// <summary>How often each ERROR (Description: Detail up to its first parenthesis or digit) was answered.</summary>
        public Dictionary<string, int> ErrorKinds { get; } = [];

        public int Errors { get; private set; }

        public int Silent { get; private set; }

        public int Replies { get; private set; }

        public int Closes { get; private set; }

        public int Relogins { get; private set; }

        public async Task SendAsync(Lane lane, FuzzFrame frame, int index)
        {
            var sentinel = "sentinel-" + ++_sentinel;
            await lane.SendAsync(frame);
            await lane.Client.SendAsync($$"""{"MsgType":"1","TestReqID":"{{sentinel}}"}""");
            var answers = new List<JsonElement>();
            while (true)
            {
                JsonElement? received;
                try
                {
                    received = await lane.Client.ReceiveAsync(AnswerTimeout);
                }
                catch (ConnectionClosedException)
                {
                    received = null;
                }
                catch (OperationCanceledException)
                {
                    throw Fail(index, frame, "no answer within " + AnswerTimeout, answers);
                }
                if (received is not { } answer)
                {
                    // Closed: only after an ERROR the protocol closes on, or — over the WebSocket — for a text message
                    // that is not UTF-8, which RFC 6455 §8.1 makes fail the connection (close code 1007) before any
                    // session sees it.
                    var invalidText = lane.Socket is { } socket && !frame.Binary && !System.Text.Unicode.Utf8.IsValid(frame.Bytes)
                        && socket.CloseStatus == WebSocketCloseStatus.InvalidPayloadData;
                    if (!invalidText && !answers.Any(a => Type(a) == "ERROR" && DocumentedCloses.Contains(a.GetProperty("Description").GetString() ?? string.Empty)))
                    {
                        throw Fail(index, frame, "the session was closed without a documented reason", answers);
                    }
                    Closes++;
                    output.WriteLine($"frame {index}: documented close; reconnecting");
                    await lane.ReconnectAsync();
                    return;
                }
                if (Type(answer) == "0" && answer.TryGetProperty("TestReqID", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() == sentinel)
                {
                    break;
                }
                answers.Add(answer);
            }
            Check(index, frame, answers);
            // A fuzzed logout (BE UserReqTyp 2) ends the login, not the session: log in again and go on.
            if (lane.User is not null && answers.Any(a => Type(a) == "BF" && a.TryGetProperty("UserStatus", out var s) && s.ValueKind == JsonValueKind.Number && s.GetInt32() == 2))
            {
                Relogins++;
                await lane.LoginAsync();
            }
        }

        public async Task AssertAliveAsync(Lane lane)
        {
            var hb = await lane.Client.RequestAsync("""{"MsgType":"1","TestReqID":"alive"}""", "0");
            Assert.True(Type(hb) == "0", $"FUZZ_SEED={seed}: a fuzzing session did not answer at the end: {hb.GetRawText()}");
            Assert.True(harness.Exchange.Runtime.Registry.Count >= 3, $"FUZZ_SEED={seed}: sessions were lost");
        }

        private void Check(int index, FuzzFrame frame, List<JsonElement> answers)
        {
            if (answers.Count == 0)
            {
                if (!frame.MayBeSilent)
                {
                    throw Fail(index, frame, "no answer", answers);
                }
                Silent++;
                return;
            }
            foreach (var answer in answers)
            {
                if (Type(answer) != "ERROR")
                {
                    continue;
                }
                var description = answer.GetProperty("Description").GetString() ?? string.Empty;
                if (!DocumentedErrors.Contains(description) || !answer.TryGetProperty("Detail", out _))
                {
                    throw Fail(index, frame, "undocumented ERROR", answers);
                }
                Errors++;
                var detail = answer.GetProperty("Detail").GetString() ?? string.Empty;
                var kind = description + ": " + detail[..Math.Min(detail.Length, Math.Max(0, detail.IndexOfAny(['(', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']) is var cut and >= 0 ? cut : detail.Length))];
                ErrorKinds[kind] = ErrorKinds.GetValueOrDefault(kind) + 1;
            }
            Replies += answers.Count(a => Type(a) != "ERROR");
        }

        private Xunit.Sdk.XunitException Fail(int index, FuzzFrame frame, string what, List<JsonElement> answers) =>
            new($"FUZZ_SEED={seed} frame {index}: {what}\nframe: {frame.Display()}\nanswers: {string.Join("\n", answers.Select(a => a.GetRawText()))}" +
                $"\nlast error log: {logs.Entries.LastOrDefault(e => e.Level >= LogLevel.Error).Exception}");
    }

    private static string Type(JsonElement frame) => frame.GetProperty("MsgType").GetString() ?? string.Empty;
}
