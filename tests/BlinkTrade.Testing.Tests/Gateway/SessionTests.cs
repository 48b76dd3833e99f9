using System.Text.Json;
using BlinkTrade.Testing.Users;

namespace BlinkTrade.Testing.Tests.Gateway;

public sealed class SessionTests
{
    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Heartbeat_echoes_TestReqID_and_SendTime_with_server_timestamp(TransportKind kind)
    {
        await using var harness = await ExchangeHarness.StartAsync(kind);
        await using var client = await harness.ConnectAsync();

        var hb = await client.RequestAsync("""{"MsgType":"1","TestReqID":"abc","SendTime":1700000000123}""", "0");

        Assert.Equal("0", hb.GetProperty("MsgType").GetString());
        Assert.Equal("abc", hb.GetProperty("TestReqID").GetString());
        Assert.Equal(1700000000123, hb.GetProperty("SendTime").GetInt64());
        Assert.Equal(harness.Clock.GetUtcNow().ToUnixTimeSeconds(), hb.GetProperty("ServerTimestamp").GetInt64());

        var numeric = await client.RequestAsync("""{"MsgType":"1","TestReqID":42}""", "0");
        Assert.Equal(JsonValueKind.Number, numeric.GetProperty("TestReqID").ValueKind);
        Assert.False(numeric.TryGetProperty("SendTime", out _));
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Bad_input_is_answered_with_ERROR_and_the_session_stays_open(TransportKind kind)
    {
        await using var harness = await ExchangeHarness.StartAsync(kind);
        await using var client = await harness.ConnectAsync();

        var malformed = await client.RequestAsync("{not json", "ERROR");
        Assert.Equal("Invalid message", malformed.GetProperty("Description").GetString());
        Assert.Equal("Invalid JSON", malformed.GetProperty("Detail").GetString());

        var unknown = await client.RequestAsync("""{"MsgType":"ZZ9","ReqID":1}""", "ERROR");
        Assert.Equal("Invalid Message Type (ZZ9)", unknown.GetProperty("Detail").GetString());

        var missing = await client.RequestAsync("""{"MsgType":"1"}""", "ERROR");
        Assert.Equal("Missing tag TestReqID", missing.GetProperty("Detail").GetString());

        var illTyped = await client.RequestAsync("""{"MsgType":"BE","UserReqID":77,"Username":"alice","Password":"x","UserReqTyp":"1","BrokerID":"five"}""", "ERROR");
        Assert.StartsWith("Invalid value tag(BrokerID)", illTyped.GetProperty("Detail").GetString());
        Assert.Equal(77, illTyped.GetProperty("ReqID").GetInt32());

        var hb = await client.RequestAsync("""{"MsgType":"1","TestReqID":1}""", "0");
        Assert.Equal("0", hb.GetProperty("MsgType").GetString());
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Anonymous_sessions_may_not_send_account_messages(TransportKind kind)
    {
        await using var harness = await ExchangeHarness.StartAsync(kind);
        await using var client = await harness.ConnectAsync();

        var error = await client.RequestAsync("""{"MsgType":"U16","EnableTwoFactorReqID":9,"Enable":true}""", "U17");

        Assert.Equal("ERROR", error.GetProperty("MsgType").GetString());
        Assert.Equal("Not authorized", error.GetProperty("Description").GetString());
        Assert.Equal(9, error.GetProperty("ReqID").GetInt32());
    }

    [Fact]
    public async Task More_than_the_limit_in_one_second_is_answered_with_ERROR_then_closed()
    {
        await using var harness = await ExchangeHarness.StartAsync(configure: o => o with { MaxMessagesPerSecond = 15 });
        await using var client = await harness.ConnectAsync();

        for (var i = 0; i < 16; i++)
        {
            await client.SendAsync($$"""{"MsgType":"1","TestReqID":{{i}}}""");
        }

        var error = await client.WaitForTypeAsync("ERROR");
        Assert.Equal("Too many messages per second", error.GetProperty("Description").GetString());
        Assert.Equal(15, client.Backlog.Count(f => f.GetProperty("MsgType").GetString() == "0"));
        Assert.True(await client.WaitForCloseAsync());
    }

    [Fact]
    public async Task Rate_limit_window_slides_with_the_clock()
    {
        await using var harness = await ExchangeHarness.StartAsync(configure: o => o with { MaxMessagesPerSecond = 3 });
        await using var client = await harness.ConnectAsync();

        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 3; i++)
            {
                await client.RequestAsync($$"""{"MsgType":"1","TestReqID":{{i}}}""", "0");
            }
            harness.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        var hb = await client.RequestAsync("""{"MsgType":"1","TestReqID":99}""", "0");
        Assert.Equal("0", hb.GetProperty("MsgType").GetString());
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Oversized_frames_are_answered_with_an_error_then_the_connection_closes_and_others_keep_working(TransportKind kind)
    {
        await using var harness = await ExchangeHarness.StartAsync(kind, configure: o => o with { MaxFrameBytes = 1024 });
        await using var big = await harness.ConnectAsync();
        await using var other = await harness.ConnectAsync();

        await big.SendAsync("{\"MsgType\":\"1\",\"TestReqID\":\"" + new string('x', 4096) + "\"}");

        var error = await big.WaitForAsync(f => f.GetProperty("MsgType").GetString() == "ERROR");
        Assert.Equal("Message too large", error.GetProperty("Description").GetString());
        Assert.Contains("1024 bytes", error.GetProperty("Detail").GetString(), StringComparison.Ordinal);
        Assert.True(await big.WaitForCloseAsync());
        var hb = await other.RequestAsync("""{"MsgType":"1","TestReqID":1}""", "0");
        Assert.Equal("0", hb.GetProperty("MsgType").GetString());
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Login_by_username_or_email_and_logout(TransportKind kind)
    {
        await using var harness = await ExchangeHarness.StartAsync(kind);
        await using var client = await harness.ConnectAsync();

        var bf = await client.RequestAsync("""{"MsgType":"BE","UserReqID":11,"BrokerID":5,"Username":"alice@example.com","Password":"abc12345","UserReqTyp":"1","FingerPrint":"x"}""", "BF");
        Assert.Equal(1, bf.GetProperty("UserStatus").GetInt32());
        Assert.Equal(11, bf.GetProperty("UserReqID").GetInt32());
        Assert.Equal(harness.AliceId, bf.GetProperty("UserID").GetInt32());
        Assert.Equal("alice", bf.GetProperty("Username").GetString());
        Assert.Equal(5, bf.GetProperty("BrokerID").GetInt32());
        Assert.True(bf.GetProperty("PermissionList").TryGetProperty("*", out _));
        Assert.Equal("exchange", bf.GetProperty("Broker").GetProperty("ShortName").GetString());

        var again = await client.RequestAsync("""{"MsgType":"BE","UserReqID":12,"BrokerID":5,"Username":"alice","Password":"abc12345","UserReqTyp":"1"}""", "BF");
        Assert.Equal("User is already logged in", again.GetProperty("Description").GetString());

        var logout = await client.RequestAsync("""{"MsgType":"BE","UserReqID":13,"BrokerID":5,"Username":"alice","UserReqTyp":"2"}""", "BF");
        Assert.Equal(2, logout.GetProperty("UserStatus").GetInt32());
        Assert.Equal(13, logout.GetProperty("UserReqID").GetInt32());

        var denied = await client.RequestAsync("""{"MsgType":"U16","EnableTwoFactorReqID":1,"Enable":true}""", "U17");
        Assert.Equal("Not authorized", denied.GetProperty("Description").GetString());

        var relogin = await client.RequestAsync("""{"MsgType":"BE","UserReqID":14,"BrokerID":5,"Username":"alice","Password":"abc12345","UserReqTyp":"1"}""", "BF");
        Assert.Equal(1, relogin.GetProperty("UserStatus").GetInt32());
    }

    [Theory]
    [InlineData("alice", "wrong-password")]
    [InlineData("nobody", "abc12345")]
    public async Task Failed_login_answers_BF_status_3_with_a_reason(string username, string password)
    {
        await using var harness = await ExchangeHarness.StartAsync();
        await using var client = await harness.ConnectAsync();

        var bf = await client.RequestAsync($$"""{"MsgType":"BE","UserReqID":"r1","BrokerID":5,"Username":"{{username}}","Password":"{{password}}","UserReqTyp":"1"}""", "BF");

        Assert.Equal("BF", bf.GetProperty("MsgType").GetString());
        Assert.Equal(3, bf.GetProperty("UserStatus").GetInt32());
        Assert.Equal("r1", bf.GetProperty("UserReqID").GetString());
        Assert.Equal("MSG_LOGIN_ERROR_INVALID_USERNAME_OR_PASSWORD", bf.GetProperty("UserStatusText").GetString());
        Assert.False(bf.GetProperty("NeedSecondFactor").GetBoolean());
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Signup_creates_the_user_and_logs_in_and_duplicates_are_refused(TransportKind kind)
    {
        await using var harness = await ExchangeHarness.StartAsync(kind);
        await using var client = await harness.ConnectAsync();

        var bf = await client.RequestAsync("""{"MsgType":"U0","UserReqID":5,"Username":"carol","Password":"pass12345","Email":"carol@example.com","BrokerID":5}""", "BF");
        Assert.Equal(1, bf.GetProperty("UserStatus").GetInt32());
        Assert.Equal("carol", bf.GetProperty("Username").GetString());

        await using var second = await harness.ConnectAsync();
        var taken = await second.RequestAsync("""{"MsgType":"U0","UserReqID":6,"Username":"CAROL","Password":"pass12345","Email":"c2@example.com","BrokerID":5}""", "BF");
        Assert.Equal(3, taken.GetProperty("UserStatus").GetInt32());
        Assert.Equal("MSG_LOGIN_ERROR_USERNAME_ALREADY_TAKEN", taken.GetProperty("UserStatusText").GetString());

        var badBroker = await second.RequestAsync("""{"MsgType":"U0","UserReqID":7,"Username":"dave","Password":"pass12345","Email":"d@example.com","BrokerID":99}""", "BF");
        Assert.Equal("MSG_LOGIN_ERROR_INVALID_BROKER", badBroker.GetProperty("UserStatusText").GetString());

        await using var third = await harness.ConnectAsync();
        var login = await third.RequestAsync("""{"MsgType":"BE","UserReqID":8,"BrokerID":5,"Username":"carol","Password":"pass12345","UserReqTyp":"1"}""", "BF");
        Assert.Equal(1, login.GetProperty("UserStatus").GetInt32());
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Change_password_needs_the_current_one(TransportKind kind)
    {
        await using var harness = await ExchangeHarness.StartAsync(kind);
        await using var client = await harness.LoginAsync("alice");

        var wrong = await client.RequestAsync("""{"MsgType":"BE","UserReqID":2,"BrokerID":5,"Password":"nope12345","NewPassword":"newpass123","UserReqTyp":"3"}""", "BF");
        Assert.Equal("MSG_LOGIN_ERROR_INVALID_PASSWORD", wrong.GetProperty("UserStatusText").GetString());

        var ok = await client.RequestAsync("""{"MsgType":"BE","UserReqID":3,"BrokerID":5,"Password":"abc12345","NewPassword":"newpass123","UserReqTyp":"3"}""", "BF");
        Assert.Equal("MSG_SUCCESS_PASSWORD_CHANGE", ok.GetProperty("UserStatusText").GetString());
        Assert.Equal(3, ok.GetProperty("UserReqID").GetInt32());

        await using var fresh = await harness.LoginAsync("alice", "newpass123");
        await using var old = await harness.ConnectAsync();
        var refused = await old.RequestAsync("""{"MsgType":"BE","UserReqID":4,"BrokerID":5,"Username":"alice","Password":"abc12345","UserReqTyp":"1"}""", "BF");
        Assert.Equal(3, refused.GetProperty("UserStatus").GetInt32());
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Password_reset_with_the_emailed_token(TransportKind kind)
    {
        await using var harness = await ExchangeHarness.StartAsync(kind);
        await using var client = await harness.ConnectAsync();

        var u11 = await client.RequestAsync("""{"MsgType":"U10","ForgotPasswordReqID":1,"BrokerID":5,"Email":"bob@example.com"}""", "U11");
        Assert.Equal(1, u11.GetProperty("Success").GetInt32());
        var token = await harness.Exchange.GetPasswordResetTokenAsync("bob@example.com");
        Assert.NotNull(token);

        var bad = await client.RequestAsync("""{"MsgType":"U12","ResetPasswordReqID":2,"Token":"nope","NewPassword":"reset12345"}""", "U13");
        Assert.Equal(3, bad.GetProperty("UserStatus").GetInt32());
        var ok = await client.RequestAsync($$"""{"MsgType":"U12","ResetPasswordReqID":3,"Token":"{{token}}","NewPassword":"reset12345"}""", "U13");
        Assert.Equal(1, ok.GetProperty("UserStatus").GetInt32());

        await using var bob = await harness.LoginAsync("bob", "reset12345");
    }

    [Fact]
    public async Task Two_factor_enable_then_login_needs_the_code()
    {
        var codes = new FixedCodeProvider();
        await using var harness = await ExchangeHarness.StartAsync(configure: o => o with { SecondFactorCodeProvider = codes });
        await using (var client = await harness.LoginAsync("alice"))
        {
            var issued = await client.RequestAsync("""{"MsgType":"U16","EnableTwoFactorReqID":1,"Enable":true}""", "U17");
            Assert.False(issued.GetProperty("TwoFactorEnabled").GetBoolean());
            var secret = issued.GetProperty("TwoFactorSecret").GetString();
            Assert.Equal("SECRET", secret);

            var wrong = await client.RequestAsync("""{"MsgType":"U16","EnableTwoFactorReqID":2,"Enable":true,"Secret":"SECRET","Code":"000000"}""", "U17");
            Assert.False(wrong.GetProperty("TwoFactorEnabled").GetBoolean());
            var enabled = await client.RequestAsync("""{"MsgType":"U16","EnableTwoFactorReqID":3,"Enable":true,"Secret":"SECRET","Code":"123456"}""", "U17");
            Assert.True(enabled.GetProperty("TwoFactorEnabled").GetBoolean());
        }

        await using var second = await harness.ConnectAsync();
        var need = await second.RequestAsync("""{"MsgType":"BE","UserReqID":1,"BrokerID":5,"Username":"alice","Password":"abc12345","UserReqTyp":"1"}""", "BF");
        Assert.Equal(3, need.GetProperty("UserStatus").GetInt32());
        Assert.True(need.GetProperty("NeedSecondFactor").GetBoolean());
        Assert.Equal("MSG_LOGIN_ERROR_INVALID_SECOND_STEP", need.GetProperty("UserStatusText").GetString());

        var ok = await second.RequestAsync("""{"MsgType":"BE","UserReqID":2,"BrokerID":5,"Username":"alice","Password":"abc12345","UserReqTyp":"1","SecondFactor":"123456"}""", "BF");
        Assert.Equal(1, ok.GetProperty("UserStatus").GetInt32());
        Assert.True(ok.GetProperty("TwoFactorEnabled").GetBoolean());
    }

    [Fact]
    public void Totp_provider_accepts_the_current_code_only()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var totp = new TotpCodeProvider(clock);
        var secret = totp.CreateSecret(1);
        var code = TotpCodeProvider.GetCode(secret, clock.GetUtcNow());
        Assert.True(totp.IsValid(1, secret, code));
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.False(totp.IsValid(1, secret, code));
    }

    [Fact]
    public async Task Fault_injection_rejects_the_next_messages_and_drops_connections()
    {
        await using var harness = await ExchangeHarness.StartAsync();
        await using var client = await harness.ConnectAsync();
        harness.Exchange.Faults.RejectNextMessages(2);

        var first = await client.RequestAsync("""{"MsgType":"1","TestReqID":1}""", "0");
        var second = await client.RequestAsync("""{"MsgType":"1","TestReqID":2}""", "0");
        var third = await client.RequestAsync("""{"MsgType":"1","TestReqID":3}""", "0");
        Assert.Equal("ERROR", first.GetProperty("MsgType").GetString());
        Assert.Equal(2, second.GetProperty("ReqID").GetInt32());
        Assert.Equal("0", third.GetProperty("MsgType").GetString());

        Assert.Equal(1, harness.Exchange.Faults.DropAllConnections());
        Assert.True(await client.WaitForCloseAsync());
    }

    private sealed class FixedCodeProvider : ISecondFactorCodeProvider
    {
        public string CreateSecret(int userId) => "SECRET";

        public bool IsValid(int userId, string secret, string code) => secret == "SECRET" && code == "123456";
    }
}
