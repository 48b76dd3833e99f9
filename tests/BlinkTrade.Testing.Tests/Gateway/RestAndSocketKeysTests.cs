using BlinkTrade.ApiKeys;

namespace BlinkTrade.Testing.Tests.Gateway;

/// <summary>The Kestrel host serves the socket and the API-key REST endpoints over one store.</summary>
public sealed class RestAndSocketKeysTests
{
    [Fact]
    public async Task Keys_created_over_the_socket_are_listed_and_revocable_over_rest()
    {
        await using var harness = await ExchangeHarness.StartAsync(TransportKind.WebSocket);
        var admin = await harness.Exchange.CreateApiKeyAsync(harness.AliceId, """{"*":[]}""");
        await using var alice = await harness.LoginAsync("alice");
        var created = await alice.RequestAsync("""{"MsgType":"U52","APIKeyCreateReqID":1,"Label":"socket","PermissionList":{"U2":[]}}""", "U53");
        var socketKey = created.GetProperty("APIKey").GetString()!;

        var rest = new ApiKeysClient(new ApiKeysClientOptions
        {
            Endpoint = harness.Exchange.HttpBaseAddress,
            Credential = new ApiKeysCredential(admin.ApiKey, admin.SecretKey),
            TimeProvider = harness.Clock,
            MaxRetries = 0,
        });
        var listed = new List<string>();
        await foreach (var key in rest.GetApiKeysAsync())
        {
            listed.Add(key.ApiKey);
        }
        Assert.Contains(socketKey, listed);

        var revoked = await rest.RevokeAsync(ApiKeyReference.ByKey(socketKey));
        Assert.False(revoked.Value.IsUsable, revoked.Value.ToString());

        var list = await alice.RequestAsync("""{"MsgType":"U50","APIKeyListReqID":2}""", "U51");
        Assert.DoesNotContain(list.GetProperty("ApiKeyListGrp").EnumerateArray(), row => row[0].GetString() == socketKey);
        await using var bot = await harness.ConnectAsync();
        var refused = await bot.RequestAsync($$"""{"MsgType":"BE","UserReqID":3,"BrokerID":5,"Username":"{{socketKey}}","Password":"{{created.GetProperty("APIPassword").GetString()}}","UserReqTyp":"1"}""", "BF");
        Assert.Equal(3, refused.GetProperty("UserStatus").GetInt32());
    }
}
