using BlinkTrade.Client;
using BlinkTrade.Client.Requests;
using BlinkTrade.EndToEnd.Tests.Support;

namespace BlinkTrade.EndToEnd.Tests;

/// <summary>Issue #5 (1): login, logout and password change of the real client against the reference exchange.</summary>
public sealed class SessionTests
{
    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Password_login_succeeds_and_reports_the_user(TransportKind kind)
    {
        using var cts = Wait.Budget();
        await using var h = await E2EHarness.StartAsync(kind, cts.Token);
        var aliceId = await h.CreateUserAsync("alice", cancellationToken: cts.Token);
        var alice = h.Client("alice");

        await alice.ConnectAsync(cts.Token);

        Assert.Equal(ConnectionState.LoggedIn, alice.State);
        Assert.NotNull(alice.CurrentUser);
        Assert.Equal(aliceId, alice.CurrentUser!.UserID);
        Assert.Equal(1, h.Exchange.ConnectionCount);
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Api_key_login_succeeds_with_the_api_password(TransportKind kind)
    {
        using var cts = Wait.Budget();
        await using var h = await E2EHarness.StartAsync(kind, cts.Token);
        var aliceId = await h.CreateUserAsync("alice", usd: 1000_00000000, cancellationToken: cts.Token);
        var key = await h.Exchange.CreateApiKeyAsync(aliceId, """{"*":[]}""", cancellationToken: cts.Token);
        var bot = h.Client(BlinkTradeCredentials.FromApiKey(key.ApiKey, key.ApiPassword!));

        await bot.ConnectAsync(cts.Token);

        Assert.Equal(ConnectionState.LoggedIn, bot.State);
        Assert.Equal(aliceId, bot.CurrentUser!.UserID);
        var balances = await bot.GetBalancesAsync(cts.Token);
        Assert.Equal(1000_00000000, balances.Get("USD")?.Total?.Satoshis);
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task An_api_key_logs_in_only_from_its_whitelisted_ip(TransportKind kind)
    {
        using var cts = Wait.Budget();
        await using var h = await E2EHarness.StartAsync(kind, cts.Token);
        var aliceId = await h.CreateUserAsync("alice", cancellationToken: cts.Token);
        // Over WebSocket the client is always 127.0.0.1; in memory the transport says which address it is.
        var allowed = kind == TransportKind.WebSocket ? "127.0.0.1" : "10.1.1.1";
        var other = await h.Exchange.CreateApiKeyAsync(aliceId, """{"*":[]}""", ["10.9.9.9"], cts.Token);
        var mine = await h.Exchange.CreateApiKeyAsync(aliceId, """{"*":[]}""", [allowed], cts.Token);

        var refused = h.Client(BlinkTradeCredentials.FromApiKey(other.ApiKey, other.ApiPassword!), clientIp: allowed);
        var error = await Assert.ThrowsAsync<BlinkTradeLoginException>(() => refused.ConnectAsync(cts.Token));
        Assert.DoesNotContain(other.ApiPassword!, error.ToString(), StringComparison.Ordinal);

        var bot = h.Client(BlinkTradeCredentials.FromApiKey(mine.ApiKey, mine.ApiPassword!), clientIp: allowed);
        await bot.ConnectAsync(cts.Token);
        Assert.Equal(aliceId, bot.CurrentUser!.UserID);
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Wrong_password_fails_with_the_servers_reason_and_never_the_password(TransportKind kind)
    {
        using var cts = Wait.Budget();
        await using var h = await E2EHarness.StartAsync(kind, cts.Token);
        await h.CreateUserAsync("alice", cancellationToken: cts.Token);
        const string wrong = "definitely-wrong-Pa55";
        var alice = h.Client("alice", wrong);

        var error = await Assert.ThrowsAsync<BlinkTradeLoginException>(() => alice.ConnectAsync(cts.Token));

        Assert.Equal("MSG_LOGIN_ERROR_INVALID_USERNAME_OR_PASSWORD", error.StatusText);
        Assert.Contains("MSG_LOGIN_ERROR_INVALID_USERNAME_OR_PASSWORD", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, error.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(ConnectionState.LoggedIn, alice.State);
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Logout_ends_the_session_and_a_new_login_works(TransportKind kind)
    {
        using var cts = Wait.Budget();
        await using var h = await E2EHarness.StartAsync(kind, cts.Token);
        await h.CreateUserAsync("alice", cancellationToken: cts.Token);
        var alice = await h.ConnectAsync("alice", cts.Token);

        var bye = await alice.LogoutAsync(cts.Token);

        Assert.NotNull(bye);
        Assert.NotEqual(ConnectionState.LoggedIn, alice.State);
        // Logged out: the connection stays, but an authenticated request is refused by the exchange.
        Assert.Equal(ConnectionState.Connected, alice.State);
        var refused = await Assert.ThrowsAsync<BlinkTradeErrorException>(() => alice.GetBalancesAsync(cts.Token));
        Assert.Equal("Not authorized", refused.Description);
        await alice.PingAsync(cts.Token);

        var again = await h.ConnectAsync("alice", cts.Token);
        Assert.Equal(ConnectionState.LoggedIn, again.State);
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Disconnect_and_dispose_close_the_exchange_session_and_a_reconnect_works(TransportKind kind)
    {
        using var cts = Wait.Budget();
        await using var h = await E2EHarness.StartAsync(kind, cts.Token);
        await h.CreateUserAsync("alice", cancellationToken: cts.Token);
        var alice = await h.ConnectAsync("alice", cts.Token);
        Assert.Equal(1, h.Exchange.ConnectionCount);

        await alice.DisconnectAsync(cts.Token);
        Assert.Equal(ConnectionState.Disconnected, alice.State);
        await Wait.Eventually(() => h.Exchange.ConnectionCount == 0, what: "the exchange closed the session");

        await alice.ConnectAsync(cts.Token);
        Assert.Equal(ConnectionState.LoggedIn, alice.State);
        Assert.Equal(1, h.Exchange.ConnectionCount);
        await alice.DisposeAsync();
        await Wait.Eventually(() => h.Exchange.ConnectionCount == 0, what: "dispose closed the session");
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Change_password_then_only_the_new_password_logs_in(TransportKind kind)
    {
        using var cts = Wait.Budget();
        await using var h = await E2EHarness.StartAsync(kind, cts.Token);
        await h.CreateUserAsync("alice", cancellationToken: cts.Token);
        var alice = await h.ConnectAsync("alice", cts.Token);

        var changed = await alice.ChangePasswordAsync(E2EHarness.Password, "brand-new-pw-2", cancellationToken: cts.Token);
        Assert.Equal("MSG_SUCCESS_PASSWORD_CHANGE", changed.UserStatusText);

        var old = h.Client("alice", E2EHarness.Password);
        await Assert.ThrowsAsync<BlinkTradeLoginException>(() => old.ConnectAsync(cts.Token));
        var fresh = h.Client("alice", "brand-new-pw-2");
        await fresh.ConnectAsync(cts.Token);
        Assert.Equal(ConnectionState.LoggedIn, fresh.State);
    }
}
