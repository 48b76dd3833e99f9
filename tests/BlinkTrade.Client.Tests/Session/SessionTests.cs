using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Tests.Support;

namespace BlinkTrade.Client.Tests.Session;

public sealed class SessionTests
{
    [Fact]
    public async Task Connect_with_configured_password_credentials_logs_in()
    {
        await using var harness = ClientHarness.Create(ExchangeScripts.Standard,
            o => o.Credentials = BlinkTradeCredentials.FromPassword(ExchangeScripts.Username, ExchangeScripts.Password));
        var peer = await harness.ConnectAsync();

        Assert.Equal(ConnectionState.LoggedIn, harness.Client.State);
        Assert.Equal(90800127, harness.Client.CurrentUser?.UserID);
        var login = await peer.ExpectAsync<UserRequest>();
        Assert.Equal(5, login.BrokerID);
        Assert.Equal(UserRequestType.Login, login.UserReqTyp);
        Assert.DoesNotContain(ExchangeScripts.Password, login.ToString(), StringComparison.Ordinal);
        await harness.States.WaitForAsync(s => s.State == ConnectionState.LoggedIn);
    }

    [Fact]
    public async Task Login_with_an_api_key_and_logout()
    {
        await using var harness = ClientHarness.Create(ExchangeScripts.Standard);
        var peer = await harness.ConnectAsync();

        var response = await harness.Client.LoginAsync(BlinkTradeCredentials.FromApiKey("KEY", "APIPASS"));
        Assert.Equal(UserStatus.LoggedIn, response.UserStatus);
        Assert.Equal(ConnectionState.LoggedIn, harness.Client.State);

        var logout = await harness.Client.LogoutAsync();
        Assert.Equal(UserStatus.LoggedOut, logout.UserStatus);
        Assert.Null(harness.Client.CurrentUser);
        Assert.Equal(ConnectionState.Connected, harness.Client.State);
        Assert.Equal(UserRequestType.Logout, (await peer.ExpectAsync<UserRequest>(r => r.UserReqTyp == UserRequestType.Logout)).UserReqTyp);
    }

    [Fact]
    public async Task A_refused_login_throws_a_typed_exception_without_the_password()
    {
        await using var harness = ClientHarness.Create(ExchangeScripts.Standard);
        await harness.ConnectAsync();

        var error = await Assert.ThrowsAsync<BlinkTradeLoginException>(() =>
            harness.Client.LoginAsync(BlinkTradeCredentials.FromPassword(ExchangeScripts.Username, "wrong-password-123")));

        Assert.Equal("MSG_LOGIN_ERROR_INVALID_USERNAME_OR_PASSWORD", error.StatusText);
        Assert.DoesNotContain("wrong-password-123", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(ConnectionState.Connected, harness.Client.State);
    }

    [Fact]
    public async Task A_refused_login_on_connect_fails_ConnectAsync_and_leaves_the_client_disconnected()
    {
        await using var harness = ClientHarness.Create(ExchangeScripts.Standard,
            o => o.Credentials = BlinkTradeCredentials.FromPassword(ExchangeScripts.Username, "nope"));
        await Assert.ThrowsAsync<BlinkTradeLoginException>(() => harness.Client.ConnectAsync());
        Assert.Equal(ConnectionState.Disconnected, harness.Client.State);
    }

    [Fact]
    public async Task Second_factor_comes_from_the_provider_at_each_login()
    {
        var calls = 0;
        await using var harness = ClientHarness.Create(p =>
        {
            p.AnswerHeartbeats();
            p.Respond<UserRequest>(r => r.SecondFactor?.Reveal() == "123456"
                ? new UserResponse { UserReqID = r.UserReqID, UserStatus = UserStatus.LoggedIn, UserID = 1 }
                : new UserResponse { UserReqID = r.UserReqID, UserStatus = UserStatus.Failed, NeedSecondFactor = true, SecondFactorType = SecondFactorType.Otp, UserStatusText = "MSG_LOGIN_ERROR_INVALID_SECOND_STEP" });
        });
        await harness.ConnectAsync();

        var missing = await Assert.ThrowsAsync<BlinkTradeLoginException>(() => harness.Client.LoginAsync(BlinkTradeCredentials.FromPassword("bob", "pw")));
        Assert.True(missing.NeedSecondFactor);
        Assert.Equal("OTP", missing.SecondFactorType);

        var credentials = BlinkTradeCredentials.FromPassword("bob", "pw") with
        {
            SecondFactorProvider = _ => { calls++; return ValueTask.FromResult<SecretString>("123456"); },
        };
        await harness.Client.LoginAsync(credentials);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Change_password_succeeds_on_the_success_text_even_with_status_3()
    {
        await using var harness = ClientHarness.Create(ExchangeScripts.Standard,
            o => o.Credentials = BlinkTradeCredentials.FromPassword(ExchangeScripts.Username, ExchangeScripts.Password));
        var peer = await harness.ConnectAsync();

        var ok = await harness.Client.ChangePasswordAsync(ExchangeScripts.Password, "new-pass-456");
        Assert.Equal("MSG_SUCCESS_PASSWORD_CHANGE", ok.UserStatusText);
        var sent = await peer.ExpectAsync<UserRequest>(r => r.UserReqTyp == UserRequestType.ChangePassword);
        Assert.Equal("new-pass-456", sent.NewPassword?.Reveal());

        var refused = await Assert.ThrowsAsync<BlinkTradeLoginException>(() => harness.Client.ChangePasswordAsync("bad", "x"));
        Assert.Equal("MSG_LOGIN_ERROR_INVALID_PASSWORD", refused.StatusText);
    }

    [Fact]
    public async Task Signup_returns_the_confirm_email_answer_and_throws_on_a_taken_username()
    {
        await using var harness = ClientHarness.Create(p =>
        {
            p.AnswerHeartbeats();
            p.Respond<Signup>(s => s.Username == "taken"
                ? new UserResponse { UserReqID = s.UserReqID, UserStatus = UserStatus.Failed, UserStatusText = "MSG_LOGIN_ERROR_USERNAME_ALREADY_TAKEN" }
                : new UserResponse { UserReqID = s.UserReqID, UserStatus = UserStatus.Failed, NeedSecondFactor = true, SecondFactorType = SecondFactorType.Email, UserStatusText = "MSG_SIGNUP_CONFIRM_EMAIL" });
        });
        var peer = await harness.ConnectAsync();

        var response = await harness.Client.SignupAsync("newbie", "pw-123456", "newbie@example.com", "US");
        Assert.Equal("MSG_SIGNUP_CONFIRM_EMAIL", response.UserStatusText);
        var sent = await peer.ExpectAsync<Signup>();
        Assert.Equal(5, sent.BrokerID);
        Assert.Equal("newbie@example.com", sent.Email);

        var taken = await Assert.ThrowsAsync<BlinkTradeLoginException>(() => harness.Client.SignupAsync("taken", "pw", "t@example.com"));
        Assert.Equal("MSG_LOGIN_ERROR_USERNAME_ALREADY_TAKEN", taken.StatusText);
    }

    [Fact]
    public async Task Two_factor_enable_is_a_two_step_exchange()
    {
        await using var harness = ClientHarness.Create(p =>
        {
            p.AnswerHeartbeats();
            p.Respond<TwoFactorRequest>(r => r.Secret is null
                ? new TwoFactorResponse { EnableTwoFactorReqID = r.EnableTwoFactorReqID, TwoFactorEnabled = false, TwoFactorSecret = "JBSWY3DPEHPK3PXP" }
                : new TwoFactorResponse { EnableTwoFactorReqID = r.EnableTwoFactorReqID, TwoFactorEnabled = r.Code?.Reveal() == "654321" });
        });
        await harness.ConnectAsync();

        var first = await harness.Client.SetTwoFactorAsync(true);
        Assert.False(first.TwoFactorEnabled);
        var second = await harness.Client.SetTwoFactorAsync(true, first.TwoFactorSecret, "654321");
        Assert.True(second.TwoFactorEnabled);
    }

    [Fact]
    public async Task Password_reset_and_security_list_are_public_requests()
    {
        await using var harness = ClientHarness.Create(p =>
        {
            p.AnswerHeartbeats();
            p.Respond<PasswordResetRequest>(r => new PasswordResetResponse { ForgotPasswordReqID = r.ForgotPasswordReqID, Success = r.Email == "a@example.com" ? 1 : 0 });
            p.Respond<ProcessPasswordResetRequest>(r => new ProcessPasswordResetResponse
            {
                ResetPasswordReqID = r.ResetPasswordReqID,
                UserStatus = r.Token?.Reveal() == "tok" ? UserStatus.LoggedIn : UserStatus.Failed,
                UserStatusText = r.Token?.Reveal() == "tok" ? "MSG_SUCCESS_PASSWORD_CHANGE" : "MSG_CHANGE_PASSWORD_INVALID_SECURITY_CODE",
            });
            p.Respond<SecurityListRequest>(r => new SecurityList { SecurityReqID = r.SecurityReqID, SecurityRequestResult = 0, Instruments = [new SecurityInstrument { Symbol = "BTCUSD" }] });
        });
        await harness.ConnectAsync();

        Assert.True(await harness.Client.RequestPasswordResetAsync("a@example.com"));
        Assert.False(await harness.Client.RequestPasswordResetAsync("b@example.com"));
        Assert.Equal("MSG_SUCCESS_PASSWORD_CHANGE", (await harness.Client.ResetPasswordAsync("tok", "new-pw")).UserStatusText);
        var refused = await Assert.ThrowsAsync<BlinkTradeLoginException>(() => harness.Client.ResetPasswordAsync("bad", "new-pw"));
        Assert.Equal("MSG_CHANGE_PASSWORD_INVALID_SECURITY_CODE", refused.StatusText);
        Assert.Equal("BTCUSD", Assert.Single((await harness.Client.GetSecurityListAsync()).Instruments!).Symbol);
    }
}
