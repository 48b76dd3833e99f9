using BlinkTrade.Client;
using BlinkTrade.Client.Protocol;
using BlinkTrade.EndToEnd.Tests.Support;
using BlinkTrade.Testing.Users;
using Microsoft.Extensions.Time.Testing;

namespace BlinkTrade.EndToEnd.Tests;

/// <summary>Issue #20: the login's device fields, the email second factor and trusted devices, client against exchange.</summary>
public sealed class LoginOptionsTests
{
    private const string InvalidSecondStep = "MSG_LOGIN_ERROR_INVALID_SECOND_STEP";

    private static readonly DeviceInfo Laptop = new()
    {
        FingerPrint = "b959a35c7f3f5e9315c99b5a25c2bbda",
        UserAgent = "E2E/1.0 (BlinkTrade .NET SDK)",
        UserAgentLanguage = "pt_BR",
        UserAgentTimezoneOffset = 180,
        UserAgentPlatform = "linux (x64)",
    };

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task The_exchange_receives_the_fingerprint_and_user_agent_with_the_login_and_again_with_the_relogin_after_a_reconnect(TransportKind kind)
    {
        using var cts = Wait.Budget();
        await using var h = await E2EHarness.StartAsync(kind, cts.Token);
        var aliceId = await h.CreateUserAsync("alice", cancellationToken: cts.Token);
        var alice = h.Client(BlinkTradeCredentials.FromPassword("alice", new SecretString(E2EHarness.Password)) with { Device = Laptop });
        var recoveries = new Recorder<SessionRecovery>();
        using var r = alice.Recoveries.Subscribe(recoveries);

        await alice.ConnectAsync(cts.Token);
        var first = Assert.Single(await h.Exchange.GetLoginsAsync(aliceId, cts.Token));
        AssertDevice(Laptop, first);
        Assert.False(first.TrustedDevice);

        Assert.Equal(1, h.Exchange.Faults.DropConnectionsOf(aliceId));
        await recoveries.WaitForAsync(x => x.IsComplete, what: "the recovery after the drop");

        var logins = await h.Exchange.GetLoginsAsync(aliceId, cts.Token);
        Assert.Equal(2, logins.Count);
        AssertDevice(Laptop, logins[1]);
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task An_email_second_factor_login_passes_with_the_emailed_token_once_and_a_used_token_is_refused(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var outbox = new EmailTokenOutbox();
        var (h, aliceId) = await StartWithEmailSecondFactorAsync(kind, outbox, null, cts.Token);
        await using var _ = h;
        var credentials = BlinkTradeCredentials.FromPassword("alice", new SecretString(E2EHarness.Password)) with { Device = Laptop };

        // Step one: the password passes, the exchange emails a token and asks for it.
        var token = await FirstStepAsync(h, outbox, credentials, cts.Token);
        Assert.Equal(aliceId, token.UserId);

        // Step two: the same credentials with the emailed token.
        var alice = h.Client(credentials with { EmailToken = token.Token });
        await alice.ConnectAsync(cts.Token);
        Assert.Equal(ConnectionState.LoggedIn, alice.State);
        Assert.Equal(aliceId, alice.CurrentUser!.UserID);
        Assert.True(alice.CurrentUser.EmailTwoFactorEnabled);
        Assert.True(Assert.Single(await h.Exchange.GetLoginsAsync(aliceId, cts.Token)).UsedEmailToken);

        // The token was good for one login.
        var replay = await Assert.ThrowsAsync<BlinkTradeLoginException>(() => h.Client(credentials with { EmailToken = token.Token }).ConnectAsync(cts.Token));
        Assert.Equal("MSG_LOGIN_ERROR_ALREADY_USED_SECOND_STEP", replay.StatusText);
        Assert.True(replay.NeedSecondFactor);
        Assert.Equal("EMAIL", replay.SecondFactorType);
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task A_wrong_or_expired_email_token_is_refused(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var outbox = new EmailTokenOutbox();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        var (h, aliceId) = await StartWithEmailSecondFactorAsync(kind, outbox, clock, cts.Token);
        await using var _ = h;
        var credentials = BlinkTradeCredentials.FromPassword("alice", new SecretString(E2EHarness.Password));

        var token = await FirstStepAsync(h, outbox, credentials, cts.Token);

        var wrong = await Assert.ThrowsAsync<BlinkTradeLoginException>(() => h.Client(credentials with { EmailToken = new SecretString("0000000000000000") }).ConnectAsync(cts.Token));
        Assert.Equal(InvalidSecondStep, wrong.StatusText);
        Assert.Equal("EMAIL", wrong.SecondFactorType);

        // The token sent is still good after a wrong guess, until it expires.
        clock.Advance(h.Exchange.Options.EmailTokenLifetime + TimeSpan.FromSeconds(1));
        var expired = await Assert.ThrowsAsync<BlinkTradeLoginException>(() => h.Client(credentials with { EmailToken = token.Token }).ConnectAsync(cts.Token));
        Assert.Equal(InvalidSecondStep, expired.StatusText);
        Assert.True(expired.NeedSecondFactor);
        Assert.Empty(await h.Exchange.GetLoginsAsync(aliceId, cts.Token));

        // A new token (asked for by a login without one) works.
        var fresh = await FirstStepAsync(h, outbox, credentials, cts.Token);
        Assert.True(fresh.ExpiresAt > clock.GetUtcNow());
        var alice = h.Client(credentials with { EmailToken = fresh.Token });
        await alice.ConnectAsync(cts.Token);
        Assert.Equal(ConnectionState.LoggedIn, alice.State);
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task A_trusted_device_logs_in_without_a_token_so_the_relogin_after_a_reconnect_passes(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var outbox = new EmailTokenOutbox();
        var (h, aliceId) = await StartWithEmailSecondFactorAsync(kind, outbox, null, cts.Token);
        await using var _ = h;
        var credentials = BlinkTradeCredentials.FromPassword("alice", new SecretString(E2EHarness.Password)) with { Device = Laptop, TrustedDevice = true };

        var token = await FirstStepAsync(h, outbox, credentials, cts.Token);
        var alice = h.Client(credentials with { EmailToken = token.Token });
        var recoveries = new Recorder<SessionRecovery>();
        using var r = alice.Recoveries.Subscribe(recoveries);
        await alice.ConnectAsync(cts.Token);

        // The reconnect logs in again without the (used) token: the device is trusted now.
        Assert.Equal(1, h.Exchange.Faults.DropConnectionsOf(aliceId));
        await recoveries.WaitForAsync(x => x.IsComplete, what: "the recovery after the drop");
        Assert.Equal(ConnectionState.LoggedIn, alice.State);
        var logins = await h.Exchange.GetLoginsAsync(aliceId, cts.Token);
        Assert.Equal(2, logins.Count);
        Assert.True(logins[0].UsedEmailToken && logins[0].TrustedDevice);
        Assert.False(logins[1].UsedEmailToken);
        AssertDevice(Laptop, logins[1]);

        // Trust belongs to the fingerprint: another device still needs a token.
        var phone = credentials with { Device = Laptop with { FingerPrint = "another-device" } };
        var other = await Assert.ThrowsAsync<BlinkTradeLoginException>(() => h.Client(phone).ConnectAsync(cts.Token));
        Assert.Equal("EMAIL", other.SecondFactorType);
        var second = h.Client(credentials with { TrustedDevice = false });
        await second.ConnectAsync(cts.Token);
        Assert.Equal(ConnectionState.LoggedIn, second.State);
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Without_a_trusted_device_the_relogin_after_a_reconnect_does_not_replay_the_token_and_is_refused(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var outbox = new EmailTokenOutbox();
        var (h, aliceId) = await StartWithEmailSecondFactorAsync(kind, outbox, null, cts.Token);
        await using var _ = h;
        var credentials = BlinkTradeCredentials.FromPassword("alice", new SecretString(E2EHarness.Password)) with { Device = Laptop };
        var token = await FirstStepAsync(h, outbox, credentials, cts.Token);
        var alice = h.Client(credentials with { EmailToken = token.Token });
        var states = new Recorder<ConnectionStateChange>();
        using var s = alice.ConnectionStates.Subscribe(states);
        await alice.ConnectAsync(cts.Token);

        Assert.Equal(1, h.Exchange.Faults.DropConnectionsOf(aliceId));

        // The re-login carried no token (a replayed one would be refused as used, and no new one sent): the exchange
        // emailed a new one, and the client gave up reconnecting on the refused login instead of retrying it.
        var next = await outbox.TakeAsync("alice@example.com", cts.Token);
        Assert.NotEqual(token.Token.Reveal(), next.Token.Reveal());
        var gaveUp = await states.WaitForAsync(x => x.State == ConnectionState.Disconnected && x.Exception is not null, what: "reconnecting gave up");
        var login = Assert.IsType<BlinkTradeLoginException>(gaveUp.Exception);
        Assert.Equal("EMAIL", login.SecondFactorType);
        Assert.Single(await h.Exchange.GetLoginsAsync(aliceId, cts.Token));
    }

    // An exchange whose user alice has the email second factor on, its tokens delivered to the outbox.
    private static async Task<(E2EHarness Harness, int AliceId)> StartWithEmailSecondFactorAsync(TransportKind kind, EmailTokenOutbox outbox, TimeProvider? clock,
        CancellationToken cancellationToken)
    {
        var h = await E2EHarness.StartAsync(kind, cancellationToken, configure: o => o with { EmailTokenSink = outbox, TimeProvider = clock ?? o.TimeProvider });
        var aliceId = await h.CreateUserAsync("alice", cancellationToken: cancellationToken);
        await h.Exchange.SetEmailTwoFactorAsync(aliceId, enabled: true, cancellationToken);
        return (h, aliceId);
    }

    // The first step of an email second-factor login: refused, asking for the token the exchange just emailed.
    private static async Task<EmailToken> FirstStepAsync(E2EHarness h, EmailTokenOutbox outbox, BlinkTradeCredentials credentials, CancellationToken cancellationToken)
    {
        var refused = await Assert.ThrowsAsync<BlinkTradeLoginException>(() => h.Client(credentials).ConnectAsync(cancellationToken));
        Assert.Equal(InvalidSecondStep, refused.StatusText);
        Assert.True(refused.NeedSecondFactor);
        Assert.Equal("EMAIL", refused.SecondFactorType);
        return await outbox.TakeAsync("alice@example.com", cancellationToken);
    }

    private static void AssertDevice(DeviceInfo expected, LoginRecord received)
    {
        Assert.Equal(expected.FingerPrint, received.FingerPrint);
        Assert.Equal(expected.UserAgent, received.UserAgent);
        Assert.Equal(expected.UserAgentLanguage, received.UserAgentLanguage);
        Assert.Equal(expected.UserAgentTimezoneOffset, received.UserAgentTimezoneOffset);
        Assert.Equal(expected.UserAgentPlatform, received.UserAgentPlatform);
    }
}
