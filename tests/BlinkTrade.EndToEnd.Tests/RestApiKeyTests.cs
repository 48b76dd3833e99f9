using BlinkTrade.ApiKeys;
using BlinkTrade.Client;
using BlinkTrade.Client.Requests;
using BlinkTrade.EndToEnd.Tests.Support;
using BlinkTrade.Testing.ApiKeys;

namespace BlinkTrade.EndToEnd.Tests;

/// <summary>Issue #6: a key created over REST on the exchange's Kestrel host logs in over the socket, and not after revocation.</summary>
public sealed class RestApiKeyTests
{
    private const long Coin = 1_0000_0000;

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task A_key_created_and_approved_over_rest_logs_in_with_its_api_password_until_revoked(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct, webServer: true);
        var aliceId = await h.CreateUserAsync("alice", usd: 42 * Coin, cancellationToken: ct);
        var manager = h.Exchange.ApiKeys.Seed(new ApiKeyOwner(E2EHarness.BrokerId, aliceId), label: "manager");
        var platform = h.Exchange.ApiKeys.SeedAdmin();
        var rest = new ApiKeysClient(new ApiKeysClientOptions
        {
            Endpoint = h.Exchange.HttpBaseAddress,
            Credential = new ApiKeysCredential(manager.Entry.ApiKey, manager.SecretKey),
            MaxRetries = 0,
        });
        var admin = new ApiKeysAdminClient(new ApiKeysAdminClientOptions
        {
            Endpoint = h.Exchange.HttpBaseAddress,
            Credential = new ApiKeysCredential(platform.Entry.ApiKey, platform.SecretKey),
            MaxRetries = 0,
        });

        var created = (await rest.CreateApiKeyAsync(ApiKeyPermissions.All, "bot", cancellationToken: ct)).Value;
        Assert.Equal(ApiKeyState.PendingApproval, created.State);
        Assert.False(string.IsNullOrEmpty(created.ApiPassword));
        var credentials = BlinkTradeCredentials.FromApiKey(created.ApiKey, created.ApiPassword!);

        // Pending approval: refused.
        var pending = h.Client(credentials);
        var refused = await Assert.ThrowsAsync<BlinkTradeLoginException>(() => pending.ConnectAsync(ct));
        Assert.DoesNotContain(created.ApiPassword!, refused.ToString(), StringComparison.Ordinal);

        var approved = (await admin.ApproveAsync(ApiKeyReference.ByKey(created.ApiKey), cancellationToken: ct)).Value;
        Assert.True(approved.IsUsable);

        var bot = h.Client(credentials);
        await bot.ConnectAsync(ct);
        Assert.Equal(ConnectionState.LoggedIn, bot.State);
        Assert.Equal(aliceId, bot.CurrentUser!.UserID);
        Assert.Equal(42 * Coin, (await bot.GetBalancesAsync(ct)).Get("USD")?.Total?.Satoshis);

        var revoked = (await rest.RevokeAsync(ApiKeyReference.ByKey(created.ApiKey), ct)).Value;
        Assert.False(revoked.IsUsable);

        // The open session is refused on its next message; a new login is refused.
        await Assert.ThrowsAsync<BlinkTradeErrorException>(() => bot.GetBalancesAsync(ct));
        var again = h.Client(credentials);
        var error = await Assert.ThrowsAsync<BlinkTradeLoginException>(() => again.ConnectAsync(ct));
        Assert.False(string.IsNullOrEmpty(error.StatusText));
        Assert.DoesNotContain(created.ApiPassword!, error.ToString(), StringComparison.Ordinal);
    }
}
