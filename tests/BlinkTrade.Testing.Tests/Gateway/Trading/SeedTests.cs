using static BlinkTrade.Testing.Tests.Gateway.Trading.TradingHarness;

namespace BlinkTrade.Testing.Tests.Gateway.Trading;

public sealed class SeedTests
{
    private const string ApiKey = "Ak7qVbJ3xw8W1nLr5Tz0Yc2Hm4Pd6Gs9Fk1Uj3Ne5Qb7Xv0Ry2Ct4Mw6Ez8Ha0Ls";
    private const string Secret = "Sc1Dv3Fw5Gx7Hy9Jz0Ka2Lb4Mc6Nd8Pe0Qf2Rg4Sh6Ti8Uj0Vk2Wl4Xm6Yn8Zo0A";

    // The shape of the seed file (amounts 1e8-scaled, fees in basis points).
    private static readonly string SeedJson = $$"""
    { "brokers": [ { "id": 5, "name": "exchange", "makerFeeBps": 10, "takerFeeBps": 20 } ],
      "instruments": [ { "symbol": "BTCUSD", "base": "BTC", "quote": "USD", "tickSize": 1000000, "minQty": 10000 } ],
      "users": [ { "username": "alice", "password": "abc12345", "email": "alice@example.com", "broker": 5,
                   "balances": { "BTC": 1000000000, "USD": 10000000000000 },
                   "apiKeys": [ { "apiKey": "{{ApiKey}}", "secretKey": "{{Secret}}", "apiPassword": "botpass12345",
                                  "permissions": { "*": [] }, "restrictions": ["All"] } ] } ],
      "admins": [ { "apiKey": "Ad0Bc1De2Ef3Fg4Gh5Hi6Ij7Jk8Kl9Lm0Mn1No2Op3Pq4Qr5Rs6St7Tu8Uv9Vw0W", "secretKey": "{{Secret}}" } ] }
    """;

    [Fact]
    public async Task The_seed_file_creates_brokers_instruments_users_balances_and_active_keys()
    {
        var seed = ExchangeSeed.Parse(SeedJson);
        await using var exchange = await ReferenceExchange.StartAsync(new ReferenceExchangeOptions { Seed = seed, PasswordHashIterations = 1000, MaxMessagesPerSecond = 0 });
        var alice = await exchange.FindUserIdAsync("alice");
        Assert.NotNull(alice);
        Assert.Equal(10 * Btc, (await exchange.GetBalanceAsync(alice.Value, "BTC")).Total.Satoshis);
        Assert.Equal(100_000 * Btc, (await exchange.GetBalanceAsync(alice.Value, "USD")).Total.Satoshis);

        await using var bot = new GatewayClient(await exchange.CreateInMemoryTransport().ConnectAsync(new Uri("ws://x/"), CancellationToken.None));
        var bf = await bot.RequestAsync(Login(ApiKey, "botpass12345"), "BF");
        Assert.Equal(1, bf.GetProperty("UserStatus").GetInt32());
        Assert.True(bf.GetProperty("PermissionList").TryGetProperty("*", out _));
        await bot.SendAsync(Order("seeded", "2", 700 * Btc, Btc));
        await bot.WaitForAsync(Er("seeded", "0"));
        Assert.True(exchange.ApiKeys.VerifySignature(ApiKey, "123", BlinkTrade.ApiKeys.ApiKeysSignature.Compute(Secret, "123")));
    }
}
