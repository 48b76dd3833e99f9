using System.Text.Json;
using BlinkTrade.ApiKeys.Tests.Infrastructure;

namespace BlinkTrade.ApiKeys.Tests.EndToEnd;

/// <summary>The raw JSON of every answer has exactly the contract's fields (APIKEYS-REST.md, "Endpoints").</summary>
public sealed class ContractShapeTests
{
    private static string[] Fields(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
    }

    [Fact]
    public async Task Answers_carry_exactly_the_contract_fields()
    {
        await using var exchange = await TestExchange.StartAsync();
        var user = exchange.User;
        string[] Sorted(params string[] names) => names.Order(StringComparer.Ordinal).ToArray();

        var create = await exchange.SendRawAsync(HttpMethod.Post, "create", "", "restrictions=account%2Cwithdraw&label=x&ipWhiteList=10.0.0.1%2C10.0.0.2",
            user.Entry.ApiKey, user.SecretKey);
        Assert.Equal(200, create.Status);
        // apiPassword is the reference exchange's documented extension (WebSocket login for REST-created keys).
        Assert.Equal(Sorted("apiId", "apiKey", "secretKey", "apiPassword", "permissions", "status", "state", "label", "createTime"), Fields(create.Body));
        using (var created = JsonDocument.Parse(create.Body))
        {
            Assert.Equal(1, created.RootElement.GetProperty("status").GetInt32());
            Assert.Equal("PENDING_APPROVAL", created.RootElement.GetProperty("state").GetString());
            Assert.Equal("[\"Account\",\"Withdraw\"]", created.RootElement.GetProperty("permissions").GetRawText());
        }
        Assert.Equal("application/json", create.Response.Content.Headers.ContentType?.MediaType);
        Assert.True(create.Response.Headers.Contains("X-USED-WEIGHT-1M"));

        var status = await exchange.SendRawAsync(HttpMethod.Get, "status", "apiKey=" + user.Entry.ApiKey, "", user.Entry.ApiKey, user.SecretKey);
        Assert.Equal(Sorted("apiId", "apiKey", "status", "state", "permissions"), Fields(status.Body));
        using (var document = JsonDocument.Parse(status.Body))
        {
            Assert.Equal(0, document.RootElement.GetProperty("status").GetInt32());
            Assert.Equal("[\"All\"]", document.RootElement.GetProperty("permissions").GetRawText());
        }

        var list = await exchange.SendRawAsync(HttpMethod.Get, "list", "", "", user.Entry.ApiKey, user.SecretKey);
        Assert.Equal(Sorted("page", "pageSize", "total", "rows"), Fields(list.Body));
        using (var document = JsonDocument.Parse(list.Body))
        {
            Assert.Equal(1, document.RootElement.GetProperty("page").GetInt32());
            Assert.Equal(20, document.RootElement.GetProperty("pageSize").GetInt32());
            foreach (var row in document.RootElement.GetProperty("rows").EnumerateArray())
            {
                Assert.Equal(Sorted("apiId", "apiKey", "label", "permissions", "ipWhiteList", "status", "state", "createTime", "lastUsedTime"),
                    Fields(row.GetRawText()));
            }
        }
        Assert.DoesNotContain("secret", list.Body, StringComparison.OrdinalIgnoreCase);

        var createdId = JsonDocument.Parse(create.Body).RootElement.GetProperty("apiId").GetString();
        var regenerate = await exchange.SendRawAsync(HttpMethod.Post, "regenerate-secret", "", "apiId=" + createdId, user.Entry.ApiKey, user.SecretKey);
        Assert.Equal(Sorted("apiId", "apiKey", "secretKey"), Fields(regenerate.Body));

        var revoke = await exchange.SendRawAsync(HttpMethod.Post, "revoke", "", "apiId=" + createdId, user.Entry.ApiKey, user.SecretKey);
        Assert.Equal(Sorted("apiId", "apiKey", "status", "state"), Fields(revoke.Body));
        using (var document = JsonDocument.Parse(revoke.Body))
        {
            Assert.Equal(1, document.RootElement.GetProperty("status").GetInt32());
            Assert.Equal("REVOKED", document.RootElement.GetProperty("state").GetString());
        }

        var error = await exchange.SendRawAsync(HttpMethod.Get, "status", "apiId=1", "", user.Entry.ApiKey, user.SecretKey);
        Assert.Equal(Sorted("code", "msg"), Fields(error.Body));
    }
}
