using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using static BlinkTrade.Testing.Tests.Gateway.Trading.TradingHarness;

namespace BlinkTrade.Testing.Tests.Gateway.Robustness;

/// <summary>
/// Issue 12 item 1: a lone UTF-16 surrogate (<c>"\ud800"</c>) is valid JSON but no .NET string. Each reproduction gets
/// <c>ERROR "Invalid value tag(field)"</c>, the request id only when it can be written back, and the session stays up.
/// </summary>
public sealed class UnrepresentableTextTests
{
    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task A_lone_surrogate_request_id_gets_ERROR_without_ReqID_and_the_session_stays(TransportKind kind)
    {
        var logs = new CollectingLoggerFactory();
        await using var harness = await StartFundedAsync(kind, o => o with { LoggerFactory = logs });
        await using var anonymous = await harness.ConnectAsync();

        var error = await anonymous.RequestAsync("""{"MsgType":"1","TestReqID":"\ud800"}""", "0");
        AssertInvalid(error, "TestReqID", expectedReqId: null);
        await AssertAliveAsync(anonymous);

        await using var alice = await harness.LoginAsync("alice");
        error = await alice.RequestAsync("""{"MsgType":"U2","BalanceReqID":"\udfff"}""", "U3");
        AssertInvalid(error, "BalanceReqID", expectedReqId: null);
        await AssertAliveAsync(alice);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task A_lone_surrogate_in_any_other_field_gets_ERROR_naming_it_with_the_ReqID(TransportKind kind)
    {
        var logs = new CollectingLoggerFactory();
        await using var harness = await StartFundedAsync(kind, o => o with { LoggerFactory = logs });
        await using var alice = await harness.LoginAsync("alice");

        var error = await alice.RequestAsync("""{"MsgType":"U2","BalanceReqID":2,"ClientID":"\ud800"}""", "U3");
        AssertInvalid(error, "ClientID", expectedReqId: "2");
        error = await alice.RequestAsync("""{"MsgType":"D","ClOrdID":"s1","Symbol":"BTCUSD","Side":"1","OrdType":"2","Price":50000000000,"OrderQty":"\ud800"}""", "8");
        AssertInvalid(error, "OrderQty", expectedReqId: "\"s1\"");
        // Deep inside a value that is stored and echoed later (U7, U9, U27): refused before it is stored.
        error = await alice.RequestAsync("""{"MsgType":"U6","WithdrawReqID":3,"Currency":"BTC","Amount":1000,"Method":"bitcoin","Data":{"Wallet":["x",{"y":"\udc00"}]}}""", "U7");
        AssertInvalid(error, "Data", expectedReqId: "3");
        // A field name that is itself no string is named by its escaped text.
        error = await alice.RequestAsync("""{"MsgType":"U2","BalanceReqID":4,"\ud800":1}""", "U3");
        AssertInvalid(error, "\\ud800", expectedReqId: "4");
        // The type itself.
        error = await alice.RequestAsync("""{"MsgType":"\ud800","TestReqID":5}""", "0");
        AssertInvalid(error, "MsgType", expectedReqId: null);
        // A valid pair is fine; an order with a valid non-ASCII ClOrdID is accepted and echoed.
        var hb = await alice.RequestAsync("""{"MsgType":"1","TestReqID":"\ud83d\ude00 ok"}""", "0");
        Assert.Equal("\U0001F600 ok", hb.GetProperty("TestReqID").GetString());

        await AssertAliveAsync(alice);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task Bytes_that_are_not_UTF8_get_ERROR_and_the_session_stays()
    {
        await using var harness = await StartFundedAsync(TransportKind.InMemory);
        await using var alice = await harness.LoginAsync("alice");
        byte[] frame = [.. Encoding.UTF8.GetBytes("{\"MsgType\":\"1\",\"TestReqID\":\""), 0xED, 0xA0, 0x80, 0xFF, .. Encoding.UTF8.GetBytes("\"}")];
        await alice.Connection.SendAsync(frame, CancellationToken.None);
        var error = await alice.WaitForTypeAsync("ERROR");
        Assert.Equal("Invalid UTF-8", error.GetProperty("Detail").GetString());
        Assert.False(error.TryGetProperty("ReqID", out _));
        await AssertAliveAsync(alice);
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task When_answering_a_bad_frame_fails_too_the_last_resort_answers_ERROR_and_keeps_the_session(TransportKind kind)
    {
        // The log line of a refused request throws, as the ERROR echo used to: the exception leaves the frame's own
        // catch blocks. The reader loop must still answer, log it and go on.
        var logs = new CollectingLoggerFactory();
        await using var harness = await StartFundedAsync(kind, o => o with { LoggerFactory = new ThrowingOnRefusalLoggerFactory(logs) });
        await using var alice = await harness.LoginAsync("alice");

        var error = await alice.RequestAsync("""{"MsgType":"U2","BalanceReqID":"x","ClientID":"nobody"}""", "U3");
        Assert.Equal("Unknow error", error.GetProperty("Description").GetString());
        Assert.Equal(string.Empty, error.GetProperty("Detail").GetString());
        await logs.WaitForEventAsync(4031);
        Assert.All(logs.Entries.Where(e => e.Id.Id == 4031), e => Assert.IsType<InvalidOperationException>(e.Exception));
        await AssertAliveAsync(alice);
        var balance = await alice.RequestAsync("""{"MsgType":"U2","BalanceReqID":"y"}""", "U3");
        Assert.Equal("y", balance.GetProperty("BalanceReqID").GetString());
    }

    private static void AssertInvalid(JsonElement error, string field, string? expectedReqId)
    {
        Assert.Equal("ERROR", error.GetProperty("MsgType").GetString());
        Assert.Equal("Invalid message", error.GetProperty("Description").GetString());
        Assert.Equal($"Invalid value tag({field})", error.GetProperty("Detail").GetString());
        if (expectedReqId is null)
        {
            Assert.False(error.TryGetProperty("ReqID", out _), error.GetRawText());
        }
        else
        {
            Assert.Equal(expectedReqId, error.GetProperty("ReqID").GetRawText());
        }
    }

    private static async Task AssertAliveAsync(GatewayClient client)
    {
        var hb = await client.RequestAsync("""{"MsgType":"1","TestReqID":"alive"}""", "0");
        Assert.Equal("alive", hb.GetProperty("TestReqID").GetString());
    }

    private sealed class ThrowingOnRefusalLoggerFactory(CollectingLoggerFactory inner) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => new Logger(inner.CreateLogger(categoryName));

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }

        private sealed class Logger(ILogger inner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
                if (eventId.Id == 4003)
                {
                    throw new InvalidOperationException("the log sink failed");
                }
            }
        }
    }
}
