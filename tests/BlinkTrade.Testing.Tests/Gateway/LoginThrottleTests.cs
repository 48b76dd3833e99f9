using System.Text.Json;
using BlinkTrade.Testing.Gateway.Handlers;
using BlinkTrade.Testing.Gateway.Sessions;

namespace BlinkTrade.Testing.Tests.Gateway;

/// <summary>Issue 12 (item 5): failed logins are throttled per username and per address, on the exchange's clock.</summary>
public sealed class LoginThrottleTests
{
    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task After_five_wrong_passwords_even_the_right_one_is_refused_until_the_window_passes(TransportKind kind)
    {
        await using var harness = await StartAsync(kind);
        await using var client = await harness.ConnectAsync();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(SessionHandlers.InvalidUsernameOrPassword, StatusText(await LoginAsync(client, "alice", "wrong-" + i)));
        }

        var refused = await LoginAsync(client, "alice", ExchangeHarness.Password);
        Assert.Equal(3, refused.GetProperty("UserStatus").GetInt32());
        Assert.Equal($"{SessionHandlers.TooManyFailedLogins}: too many failed logins; try again in 300 seconds", StatusText(refused));

        // Another user on the same connection and address is not affected.
        await using var bob = await harness.ConnectAsync();
        Assert.Equal(1, (await LoginAsync(bob, "bob", ExchangeHarness.Password)).GetProperty("UserStatus").GetInt32());

        harness.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.StartsWith(SessionHandlers.TooManyFailedLogins, StatusText(await LoginAsync(client, "ALICE", ExchangeHarness.Password)));   // usernames are case-insensitive
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await LoginAsync(client, "alice", ExchangeHarness.Password)).GetProperty("UserStatus").GetInt32());
    }

    [Fact]
    public async Task The_lockout_lifts_as_the_oldest_failures_age_out()
    {
        await using var harness = await StartAsync();
        await using var client = await harness.ConnectAsync();
        for (var i = 0; i < 5; i++)
        {
            await LoginAsync(client, "alice", "wrong");
            harness.Clock.Advance(TimeSpan.FromSeconds(10));   // failures at 0, 10, 20, 30, 40 s
        }
        Assert.Equal($"{SessionHandlers.TooManyFailedLogins}: too many failed logins; try again in 250 seconds", StatusText(await LoginAsync(client, "alice", "wrong")));
        harness.Clock.Advance(TimeSpan.FromSeconds(250));      // the first failure ages out: one more try
        Assert.Equal(SessionHandlers.InvalidUsernameOrPassword, StatusText(await LoginAsync(client, "alice", "wrong")));
        Assert.StartsWith(SessionHandlers.TooManyFailedLogins, StatusText(await LoginAsync(client, "alice", ExchangeHarness.Password)));
    }

    [Fact]
    public async Task A_successful_login_clears_the_usernames_failures()
    {
        await using var harness = await StartAsync();
        for (var round = 0; round < 3; round++)
        {
            await using var client = await harness.ConnectAsync();
            for (var i = 0; i < 4; i++)
            {
                Assert.Equal(SessionHandlers.InvalidUsernameOrPassword, StatusText(await LoginAsync(client, "alice", "wrong")));
            }
            Assert.Equal(1, (await LoginAsync(client, "alice", ExchangeHarness.Password)).GetProperty("UserStatus").GetInt32());
        }
    }

    [Fact]
    public async Task An_address_that_guesses_across_many_usernames_is_refused_and_other_addresses_are_not()
    {
        await using var harness = await StartAsync(configure: o => o with { LoginFailureLimitPerAddress = 8 });
        await using var attacker = await harness.ConnectAsync("10.0.0.1");
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(SessionHandlers.InvalidUsernameOrPassword, StatusText(await LoginAsync(attacker, "nobody" + i, "guess")));
        }
        // Right credentials, but from the guessing address: refused without a password check.
        Assert.StartsWith(SessionHandlers.TooManyFailedLogins, StatusText(await LoginAsync(attacker, "bob", ExchangeHarness.Password)));

        await using var elsewhere = await harness.ConnectAsync("10.0.0.2");
        Assert.Equal(1, (await LoginAsync(elsewhere, "bob", ExchangeHarness.Password)).GetProperty("UserStatus").GetInt32());

        harness.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, (await LoginAsync(attacker, "bob", ExchangeHarness.Password)).GetProperty("UserStatus").GetInt32());
    }

    [Fact]
    public async Task Parallel_guesses_at_one_account_get_no_more_password_checks_than_the_limit()
    {
        await using var harness = await StartAsync(configure: o => o with { PasswordHashIterations = 20_000 });
        var clients = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => harness.ConnectAsync("10.1.0." + i)));
        try
        {
            var answers = await Task.WhenAll(clients.Select(c => LoginAsync(c, "alice", "guess")));
            var checkedGuesses = answers.Count(a => StatusText(a) == SessionHandlers.InvalidUsernameOrPassword);
            // Five, plus at most the guesses already hashing when the fifth failure was recorded.
            Assert.InRange(checkedGuesses, 5, 5 + harness.Exchange.Runtime.PasswordHasher.Concurrency - 1);
            Assert.All(answers, a => Assert.Equal(3, a.GetProperty("UserStatus").GetInt32()));
            Assert.Equal(30 - checkedGuesses, answers.Count(a => StatusText(a).StartsWith(SessionHandlers.TooManyFailedLogins, StringComparison.Ordinal)));
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Wrong_second_factor_codes_count_as_failures_but_asking_for_the_code_does_not()
    {
        await using var harness = await StartAsync(configure: o => o with { LoginFailureLimit = 3 });
        await harness.Exchange.EnableTwoFactorAsync(harness.AliceId, "JBSWY3DPEHPK3PXP");
        await using var client = await harness.ConnectAsync();
        for (var i = 0; i < 5; i++)
        {
            var ask = await LoginAsync(client, "alice", ExchangeHarness.Password);   // no code: the normal first step
            Assert.True(ask.GetProperty("NeedSecondFactor").GetBoolean());
        }
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(SessionHandlers.InvalidSecondStep, StatusText(await LoginAsync(client, "alice", ExchangeHarness.Password, secondFactor: "00000" + i)));
        }
        Assert.StartsWith(SessionHandlers.TooManyFailedLogins, StatusText(await LoginAsync(client, "alice", ExchangeHarness.Password, secondFactor: "123456")));
    }

    [Fact]
    public async Task Api_key_logins_are_throttled_by_key()
    {
        await using var harness = await StartAsync();
        var key = await harness.Exchange.CreateApiKeyAsync(harness.AliceId, """{"*":[]}""");
        await using var client = await harness.ConnectAsync();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(SessionHandlers.InvalidUsernameOrPassword, StatusText(await LoginAsync(client, key.ApiKey, "wrong")));
        }
        Assert.StartsWith(SessionHandlers.TooManyFailedLogins, StatusText(await LoginAsync(client, key.ApiKey, key.ApiPassword!)));
        harness.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, (await LoginAsync(client, key.ApiKey, key.ApiPassword!)).GetProperty("UserStatus").GetInt32());
    }

    [Fact]
    public async Task Zero_disables_throttling()
    {
        await using var harness = await StartAsync(configure: o => o with { LoginFailureWindow = TimeSpan.Zero });
        await using var client = await harness.ConnectAsync();
        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(SessionHandlers.InvalidUsernameOrPassword, StatusText(await LoginAsync(client, "alice", "wrong")));
        }
        Assert.Equal(1, (await LoginAsync(client, "alice", ExchangeHarness.Password)).GetProperty("UserStatus").GetInt32());
    }

    [Fact]
    public void The_throttle_counts_failures_not_attempts_and_forgets_them_after_the_window()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var throttle = new LoginThrottle(clock, usernameLimit: 2, addressLimit: 3, TimeSpan.FromMinutes(1));
        Assert.False(throttle.IsLocked("alice", "1.2.3.4", out _));
        throttle.RecordFailure("alice", "1.2.3.4");
        clock.Advance(TimeSpan.FromSeconds(20));
        throttle.RecordFailure("Alice", "1.2.3.4");
        Assert.True(throttle.IsLocked("alice", "5.6.7.8", out var wait));
        Assert.Equal(TimeSpan.FromSeconds(40), wait);
        Assert.False(throttle.IsLocked("bob", "5.6.7.8", out _));
        throttle.RecordFailure("carol", "1.2.3.4");
        Assert.True(throttle.IsLocked("bob", "1.2.3.4", out var byAddress));      // three failures from the address
        Assert.Equal(TimeSpan.FromSeconds(40), byAddress);

        throttle.RecordSuccess("alice");                                           // clears alice, not the address
        Assert.False(throttle.IsLocked("alice", "5.6.7.8", out _));
        Assert.True(throttle.IsLocked("alice", "1.2.3.4", out _));
        clock.Advance(TimeSpan.FromSeconds(40));
        Assert.False(throttle.IsLocked("alice", "1.2.3.4", out _));
    }

    // The tests keep anonymous connections open across minutes of exchange time: no login deadline, no idle timeout.
    private static Task<ExchangeHarness> StartAsync(TransportKind kind = TransportKind.InMemory, Func<ReferenceExchangeOptions, ReferenceExchangeOptions>? configure = null) =>
        ExchangeHarness.StartAsync(kind, o => (configure?.Invoke(o) ?? o) with { LoginTimeout = TimeSpan.Zero, IdleTimeout = TimeSpan.Zero });

    private static Task<JsonElement> LoginAsync(GatewayClient client, string username, string password, string? secondFactor = null)
    {
        var code = secondFactor is null ? string.Empty : $$""","SecondFactor":"{{secondFactor}}" """;
        return client.RequestAsync($$"""{"MsgType":"BE","UserReqID":1,"BrokerID":5,"Username":"{{username}}","Password":"{{password}}","UserReqTyp":"1"{{code}}}""", "BF");
    }

    private static string StatusText(JsonElement bf) => bf.TryGetProperty("UserStatusText", out var text) ? text.GetString() ?? string.Empty : string.Empty;
}
