using static BlinkTrade.Testing.Tests.Gateway.Trading.TradingHarness;

namespace BlinkTrade.Testing.Tests.Gateway.Trading;

/// <summary>Issue 12 (item 8): optional lists are optional, every bad field is named, the hashing cost is the seed's.</summary>
public sealed class SeedFileTests
{
    private const string Key = "Ak7qVbJ3xw8W1nLr5Tz0Yc2Hm4Pd6Gs9Fk1Uj3Ne5Qb7Xv0Ry2Ct4Mw6Ez8Ha0Ls";
    private const string Secret = "Sc1Dv3Fw5Gx7Hy9Jz0Ka2Lb4Mc6Nd8Pe0Qf2Rg4Sh6Ti8Uj0Vk2Wl4Xm6Yn8Zo0A";

    [Theory]
    [InlineData("""{ "brokers": [ { "id": 5, "name": "exchange" } ], "users": [ { "username": "alice", "password": "abc12345", "broker": 5 } ] }""")]
    [InlineData("""{ "brokers": [ { "id": 5, "name": "exchange" } ], "users": [ { "username": "alice", "password": "abc12345", "broker": 5, "apiKeys": null, "balances": null } ], "admins": null, "instruments": null }""")]
    [InlineData("""{ "brokers": [ { "id": 5, "name": "exchange" } ], "users": [ { "username": "alice", "password": "abc12345", "broker": 5, "apiKeys": [ { "apiKey": "Ak7qVbJ3xw8W1nLr5Tz0Yc2Hm4Pd6Gs9Fk1Uj3Ne5Qb7Xv0Ry2Ct4Mw6Ez8Ha0Ls", "secretKey": "s", "restrictions": null, "ipWhiteList": null } ] } ] }""")]
    public async Task A_seed_without_optional_lists_starts_and_its_users_log_in(string json)
    {
        var seed = ExchangeSeed.Parse(json);
        await using var exchange = await ReferenceExchange.StartAsync(new ReferenceExchangeOptions { Seed = seed, PasswordHashIterations = 1000, MaxMessagesPerSecond = 0 });
        await using var alice = new GatewayClient(await exchange.CreateInMemoryTransport().ConnectAsync(new Uri("ws://x/"), CancellationToken.None));
        var bf = await alice.RequestAsync(Login("alice", "abc12345"), "BF");
        Assert.Equal(1, bf.GetProperty("UserStatus").GetInt32());
    }

    [Fact]
    public async Task An_empty_seed_starts_an_empty_exchange()
    {
        await using var exchange = await ReferenceExchange.StartAsync(new ReferenceExchangeOptions { Seed = ExchangeSeed.Parse("{}"), PasswordHashIterations = 1000 });
        Assert.Null(await exchange.FindUserIdAsync("alice"));
    }

    [Theory]
    [InlineData("""{ "brokers": [ { "id": 0, "name": "x" } ] }""", "brokers[0].id")]
    [InlineData("""{ "brokers": [ { "id": 5, "name": "" } ] }""", "brokers[0].name")]
    [InlineData("""{ "brokers": [ { "id": 5, "name": "a" }, { "id": 5, "name": "b" } ] }""", "brokers[1].id")]
    [InlineData("""{ "brokers": [ null ] }""", "brokers[0]")]
    [InlineData("""{ "instruments": [ { "symbol": "BTCUSD", "base": "BTC", "quote": "USD", "tickSize": 0 } ] }""", "instruments[0].tickSize")]
    [InlineData("""{ "instruments": [ { "symbol": "BTCUSD", "quote": "USD" } ] }""", "instruments[0].base")]
    [InlineData("""{ "brokers": [ { "id": 5, "name": "x" } ], "users": [ { "password": "topsecret1", "broker": 5 } ] }""", "users[0].username")]
    [InlineData("""{ "brokers": [ { "id": 5, "name": "x" } ], "users": [ { "username": "alice", "broker": 5 } ] }""", "users[0].password")]
    [InlineData("""{ "brokers": [ { "id": 5, "name": "x" } ], "users": [ { "username": "alice", "password": "topsecret1", "broker": 7 } ] }""", "users[0].broker")]
    [InlineData("""{ "brokers": [ { "id": 5, "name": "x" } ], "users": [ { "username": "alice", "password": "topsecret1", "broker": 5 }, { "username": "ALICE", "password": "topsecret1", "broker": 5 } ] }""", "users[1].username")]
    [InlineData("""{ "brokers": [ { "id": 5, "name": "x" } ], "users": [ { "username": "alice", "password": "topsecret1", "broker": 5, "balances": { "BTC": -1 } } ] }""", "users[0].balances.BTC")]
    [InlineData("""{ "brokers": [ { "id": 5, "name": "x" } ], "users": [ { "username": "alice", "password": "topsecret1", "broker": 5, "apiKeys": [ { "apiKey": "short", "secretKey": "topsecret2" } ] } ] }""", "users[0].apiKeys[0].apiKey")]
    [InlineData("""{ "brokers": [ { "id": 5, "name": "x" } ], "users": [ { "username": "alice", "password": "topsecret1", "broker": 5, "apiKeys": [ { "apiKey": "Ak7qVbJ3xw8W1nLr5Tz0Yc2Hm4Pd6Gs9Fk1Uj3Ne5Qb7Xv0Ry2Ct4Mw6Ez8Ha0Ls" } ] } ] }""", "users[0].apiKeys[0].secretKey")]
    [InlineData("""{ "brokers": [ { "id": 5, "name": "x" } ], "users": [ { "username": "alice", "password": "topsecret1", "broker": 5, "apiKeys": [ { "apiKey": "Ak7qVbJ3xw8W1nLr5Tz0Yc2Hm4Pd6Gs9Fk1Uj3Ne5Qb7Xv0Ry2Ct4Mw6Ez8Ha0Ls", "secretKey": "topsecret2", "restrictions": ["Trade"] } ] } ] }""", "users[0].apiKeys[0].restrictions[0]")]
    [InlineData("""{ "brokers": [ { "id": 5, "name": "x" } ], "users": [ { "username": "alice", "password": "topsecret1", "broker": 5, "apiKeys": [ { "apiKey": "Ak7qVbJ3xw8W1nLr5Tz0Yc2Hm4Pd6Gs9Fk1Uj3Ne5Qb7Xv0Ry2Ct4Mw6Ez8Ha0Ls", "secretKey": "topsecret2", "ipWhiteList": ["nope"] } ] } ] }""", "users[0].apiKeys[0].ipWhiteList[0]")]
    [InlineData("""{ "brokers": [ { "id": 5, "name": "x" } ], "users": [ { "username": "alice", "password": "topsecret1", "broker": 5, "apiKeys": [ { "apiKey": "Ak7qVbJ3xw8W1nLr5Tz0Yc2Hm4Pd6Gs9Fk1Uj3Ne5Qb7Xv0Ry2Ct4Mw6Ez8Ha0Ls", "secretKey": "topsecret2", "permissions": [] } ] } ] }""", "users[0].apiKeys[0].permissions")]
    [InlineData("""{ "admins": [ { "apiKey": "Ak7qVbJ3xw8W1nLr5Tz0Yc2Hm4Pd6Gs9Fk1Uj3Ne5Qb7Xv0Ry2Ct4Mw6Ez8Ha0Ls", "secretKey": "topsecret2" }, { "apiKey": "Ak7qVbJ3xw8W1nLr5Tz0Yc2Hm4Pd6Gs9Fk1Uj3Ne5Qb7Xv0Ry2Ct4Mw6Ez8Ha0Ls", "secretKey": "topsecret2" } ] }""", "admins[1].apiKey")]
    [InlineData("""{ "passwordHashIterations": 0 }""", "passwordHashIterations")]
    [InlineData("""{ "brokers": [ { "id": "five", "name": "x" } ] }""", "$.brokers[0].id")]
    [InlineData("""{ "users": { "username": "alice" } }""", "$.users")]
    [InlineData("""{ "brokers": [ """, "$.brokers[0]")]
    [InlineData("null", "$")]
    public void Every_invalid_field_is_named_and_no_secret_is_echoed(string json, string field)
    {
        var error = Assert.Throws<ExchangeSeedException>(() => ExchangeSeed.Parse(json));
        Assert.Equal(field, error.Field);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("topsecret", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_seed_built_in_code_is_checked_before_anything_is_applied()
    {
        var seed = new ExchangeSeed
        {
            Brokers = [new SeedBroker { Id = 5, Name = "exchange" }],
            Users = [new SeedUser { Username = "alice", Password = "abc12345", Broker = 5 }, new SeedUser { Username = "bob", Password = "abc12345", Broker = 6 }],
        };
        var error = await Assert.ThrowsAsync<ExchangeSeedException>(() => ReferenceExchange.StartAsync(new ReferenceExchangeOptions { Seed = seed, PasswordHashIterations = 1000 }));
        Assert.Equal("users[1].broker", error.Field);
    }

    [Fact]
    public async Task The_seed_sets_the_hashing_cost_of_its_users_and_keys_still_work()
    {
        var seed = ExchangeSeed.Parse($$"""
        { "passwordHashIterations": 1234,
          "brokers": [ { "id": 5, "name": "exchange" } ],
          "users": [ { "username": "alice", "password": "abc12345", "broker": 5,
                       "apiKeys": [ { "apiKey": "{{Key}}", "secretKey": "{{Secret}}", "apiPassword": "botpass12345", "permissions": { "*": [] } } ] },
                     { "username": "bob", "password": "bob12345", "broker": 5 } ] }
        """);
        await using var exchange = await ReferenceExchange.StartAsync(new ReferenceExchangeOptions { Seed = seed, PasswordHashIterations = 1000, MaxMessagesPerSecond = 0 });
        var iterations = await exchange.Runtime.Actor.InvokeAsync(s => (s.Directory.FindByLogin("alice")!.Password.Iterations, s.Directory.FindByLogin("bob")!.Password.Iterations), CancellationToken.None);
        Assert.Equal((1234, 1234), iterations);

        await using var bot = new GatewayClient(await exchange.CreateInMemoryTransport().ConnectAsync(new Uri("ws://x/"), CancellationToken.None));
        Assert.Equal(1, (await bot.RequestAsync(Login(Key, "botpass12345"), "BF")).GetProperty("UserStatus").GetInt32());
        await using var bob = new GatewayClient(await exchange.CreateInMemoryTransport().ConnectAsync(new Uri("ws://x/"), CancellationToken.None));
        Assert.Equal(1, (await bob.RequestAsync(Login("bob", "bob12345"), "BF")).GetProperty("UserStatus").GetInt32());
    }

    [Fact]
    public async Task A_large_seed_is_loaded_with_every_user_able_to_log_in()
    {
        var users = string.Join(",", Enumerable.Range(0, 200).Select(i => $$"""{ "username": "user{{i}}", "password": "pw-{{i}}-12345", "broker": 5, "balances": { "USD": {{i + 1}} } }"""));
        var seed = ExchangeSeed.Parse($$"""{ "passwordHashIterations": 100, "brokers": [ { "id": 5, "name": "exchange" } ], "users": [ {{users}} ] }""");
        await using var exchange = await ReferenceExchange.StartAsync(new ReferenceExchangeOptions { Seed = seed, MaxMessagesPerSecond = 0 });
        foreach (var i in new[] { 0, 99, 199 })
        {
            var id = await exchange.FindUserIdAsync($"user{i}");
            Assert.NotNull(id);
            Assert.Equal(i + 1, (await exchange.GetBalanceAsync(id.Value, "USD")).Total.Satoshis);
            await using var client = new GatewayClient(await exchange.CreateInMemoryTransport().ConnectAsync(new Uri("ws://x/"), CancellationToken.None));
            Assert.Equal(1, (await client.RequestAsync(Login($"user{i}", $"pw-{i}-12345"), "BF")).GetProperty("UserStatus").GetInt32());
        }
    }
}
