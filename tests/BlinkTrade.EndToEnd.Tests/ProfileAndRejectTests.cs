using System.Text.Json;
using BlinkTrade.Client;
using BlinkTrade.Client.MarketData;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Requests;
using BlinkTrade.EndToEnd.Tests.Support;

namespace BlinkTrade.EndToEnd.Tests;

/// <summary>
/// Issue 20: <c>UpdateProfileAsync</c> (U38 → U39), the <c>ProfileUpdates</c> stream (U40 to every session of the
/// updated user, after the reply: §5 G39) and the <c>Y</c> market-data reject (§5 G31), against the reference exchange
/// instead of a scripted peer.
/// </summary>
public sealed class ProfileAndRejectTests
{
    private static Dictionary<string, JsonElement> Fields(string json)
        => JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task A_profile_update_is_answered_then_published_to_every_session_of_the_user(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        var aliceId = await h.CreateUserAsync("alice", cancellationToken: ct);
        var bobId = await h.CreateUserAsync("bob", cancellationToken: ct);
        var alice = await h.ConnectAsync("alice", ct);
        var aliceAgain = await h.ConnectAsync("alice", ct, clientIp: "10.0.20.2");
        var bob = await h.ConnectAsync("bob", ct, clientIp: "10.0.20.3");
        var messages = new Recorder<BlinkTradeMessage>();
        var profiles = new Recorder<ProfileRefresh>();
        var otherSession = new Recorder<ProfileRefresh>();
        var bobProfiles = new Recorder<ProfileRefresh>();
        using var s1 = alice.Messages.Subscribe(messages);
        using var s2 = alice.ProfileUpdates.Subscribe(profiles);
        using var s3 = aliceAgain.ProfileUpdates.Subscribe(otherSession);
        using var s4 = bob.ProfileUpdates.Subscribe(bobProfiles);

        var reply = await alice.UpdateProfileAsync(Fields("""{ "EmailLang": "pt_BR", "ConfirmationOrder": true }"""), ct);
        Assert.Equal(aliceId, reply.UserID);
        Assert.Equal(("pt_BR", true), (reply.EmailLang, reply.ConfirmationOrder));

        var refresh = await profiles.WaitForAsync(p => p.UserID == aliceId, what: "U40 on the updating session");
        Assert.Equal(("pt_BR", true), (refresh.EmailLang, refresh.ConfirmationOrder));
        var elsewhere = await otherSession.WaitForAsync(p => p.UserID == aliceId, what: "U40 on alice's other session");
        Assert.Equal("pt_BR", elsewhere.EmailLang);
        // G39: the reply precedes the refresh it causes.
        await messages.WaitForAsync(m => m is ProfileRefresh, what: "U40 among the messages");
        var order = messages.Items.Where(m => m is UpdateProfileResponse or ProfileRefresh).Select(m => m.MsgType).ToList();
        Assert.Equal(["U39", "U40"], order);

        // Bob's own update reaches bob; alice's never did.
        await bob.UpdateProfileAsync(Fields("""{ "CountryCode": "BR" }"""), ct);
        await bobProfiles.WaitForAsync(p => p.UserID == bobId, what: "bob's U40");
        Assert.DoesNotContain(bobProfiles.Items, p => p.UserID == aliceId);
        Assert.DoesNotContain(profiles.Items, p => p.UserID == bobId);
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task A_refused_profile_update_is_an_error_and_publishes_nothing(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        var aliceId = await h.CreateUserAsync("alice", cancellationToken: ct);
        var alice = await h.ConnectAsync("alice", ct);
        var profiles = new Recorder<ProfileRefresh>();
        using var s = alice.ProfileUpdates.Subscribe(profiles);

        // Only a broker may change the verification level or fees; a value of the wrong type is invalid.
        var refused = await Assert.ThrowsAsync<BlinkTradeErrorException>(() => alice.UpdateProfileAsync(Fields("""{ "Verified": 5 }"""), ct));
        Assert.Equal("Not authorized", refused.Description);
        Assert.Contains("Verified", refused.Detail, StringComparison.Ordinal);
        var invalid = await Assert.ThrowsAsync<BlinkTradeErrorException>(() => alice.UpdateProfileAsync(Fields("""{ "EmailLang": 7 }"""), ct));
        Assert.Contains("EmailLang", invalid.Message, StringComparison.Ordinal);
        // Turning 2FA on needs a verified code (U16), not a profile update.
        await Assert.ThrowsAsync<BlinkTradeErrorException>(() => alice.UpdateProfileAsync(Fields("""{ "TwoFactorEnabled": true }"""), ct));

        // The session is kept, and the first refresh alice sees is the one of the update that succeeded.
        await alice.UpdateProfileAsync(Fields("""{ "State": "SP" }"""), ct);
        var first = await profiles.WaitForAsync(_ => true, what: "the first U40");
        Assert.Equal(aliceId, first.UserID);
        Assert.Equal("SP", first.Profile?.State);
        Assert.Single(profiles.Items);
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task A_broker_updating_a_customer_publishes_the_refresh_to_the_customer(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        await h.Exchange.CreateBrokerAsync(7, "broker7", password: E2EHarness.Password, cancellationToken: ct);
        var carolId = await h.Exchange.CreateUserAsync("carol", E2EHarness.Password, 7, cancellationToken: ct);
        var broker = h.Client("broker7", configure: o => o.BrokerId = 7);
        await broker.ConnectAsync(ct);
        var carol = h.Client("carol", configure: o => o.BrokerId = 7, clientIp: "10.0.20.4");
        await carol.ConnectAsync(ct);
        var carolProfiles = new Recorder<ProfileRefresh>();
        using var s = carol.ProfileUpdates.Subscribe(carolProfiles);

        var reply = await broker.RequestAsync(new UpdateProfileRequest { UpdateReqID = 9_001, UserID = carolId, Fields = Fields("""{ "TransactionFeeBuy": 15 }""") }, "9001", MessageTypes.UpdateProfileResponse, ct);
        Assert.Equal(carolId, Assert.IsType<UpdateProfileResponse>(reply).UserID);
        var refresh = await carolProfiles.WaitForAsync(p => p.UserID == carolId, what: "carol's U40");
        Assert.Equal(15, refresh.TransactionFeeBuy);
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task A_subscription_to_an_unknown_symbol_is_rejected_with_Y_and_the_session_goes_on(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        await h.CreateUserAsync("alice", cancellationToken: ct);
        var alice = await h.ConnectAsync("alice", ct);
        var rejects = new Recorder<BlinkTradeMessage>();
        using var m = alice.Messages.Subscribe(rejects);

        var failed = new Recorder<OrderBookSnapshot>();
        using var sub = alice.ObserveOrderBook("NOPE").Subscribe(failed);
        var trades = new Recorder<MarketTrade>();
        using var tradeSub = alice.ObserveTrades("NOPE").Subscribe(trades);
        await Wait.Eventually(() => failed.Error is not null && trades.Error is not null, what: "the subscription's error");
        var error = Assert.IsType<MarketDataRejectedException>(failed.Error);
        Assert.Equal(("NOPE", MarketDataRequestRejectReason.UnknownSymbol.Value), (error.Symbol, error.Reason));
        Assert.Contains("NOPE", error.Message, StringComparison.Ordinal);
        Assert.IsType<MarketDataRejectedException>(trades.Error);
        var y = (MarketDataRequestReject)await rejects.WaitForAsync(x => x is MarketDataRequestReject, what: "the Y frame");
        Assert.Equal(MarketDataRequestRejectReason.UnknownSymbol, y.MDReqRejReason);
        Assert.Contains("NOPE", y.Text, StringComparison.Ordinal);

        // The session goes on: a known symbol subscribes, and a new subscription to the unknown one is rejected again.
        var books = new Recorder<OrderBookSnapshot>();
        using var ok = alice.ObserveOrderBook(E2EHarness.Symbol).Subscribe(books);
        await books.WaitForAsync(b => b.IsReset, what: "the BTCUSD snapshot");
        var again = new Recorder<OrderBookSnapshot>();
        using var retry = alice.ObserveOrderBook("NOPE").Subscribe(again);
        await Wait.Eventually(() => again.Error is not null, what: "the second reject");
        // On the message stream (one subscriber: its items are in arrival order) the retry's Y is the only one after the
        // BTCUSD snapshot. Before it there are one or two: the book and the trades of NOPE share one V when the client
        // coalesces them, two when the book's V went out before the trades subscribed. The stream is another subscriber
        // of the same frames as `again`, with its own work item, so wait for it rather than count at once.
        await Wait.Eventually(() => RejectsAroundTheSnapshot(rejects.Items).After >= 1, what: "the retry's Y on the message stream");
        var (before, after) = RejectsAroundTheSnapshot(rejects.Items);
        Assert.InRange(before, 1, 2);
        Assert.Equal(1, after);
        Assert.Equal(ConnectionState.LoggedIn, alice.State);

        static (int Before, int After) RejectsAroundTheSnapshot(IReadOnlyList<BlinkTradeMessage> messages)
        {
            var snapshot = messages.ToList().FindIndex(x => x is MarketDataFullRefresh w && w.Symbol == E2EHarness.Symbol);
            return snapshot < 0
                ? (messages.Count(x => x is MarketDataRequestReject), 0)
                : (messages.Take(snapshot).Count(x => x is MarketDataRequestReject), messages.Skip(snapshot + 1).Count(x => x is MarketDataRequestReject));
        }
    }
}
