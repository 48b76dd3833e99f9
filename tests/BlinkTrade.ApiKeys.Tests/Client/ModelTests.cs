using BlinkTrade.ApiKeys.Serialization;

namespace BlinkTrade.ApiKeys.Tests.Client;

public sealed class ModelTests
{
    [Theory]
    [InlineData("All", ApiKeyPermissions.All)]
    [InlineData("account, DEPOSIT", ApiKeyPermissions.Account | ApiKeyPermissions.Deposit)]
    [InlineData("withdraw,externalAssets,issueassets,TokenManagement", ApiKeyPermissions.Withdraw | ApiKeyPermissions.ExternalAssets | ApiKeyPermissions.IssueAssets | ApiKeyPermissions.TokenManagement)]
    public void Permission_lists_parse_case_insensitively(string text, ApiKeyPermissions expected)
    {
        Assert.True(ApiKeyPermissionNames.TryParse(text, out var parsed));
        Assert.Equal(expected, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Account,Trading")]
    [InlineData(",")]
    public void Unknown_or_empty_permission_lists_are_refused(string text) => Assert.False(ApiKeyPermissionNames.TryParse(text, out _));

    [Fact]
    public void Permissions_format_in_canonical_case_and_all_collapses()
    {
        Assert.Equal("Account,Withdraw", ApiKeyPermissionNames.Format(ApiKeyPermissions.Withdraw | ApiKeyPermissions.Account));
        Assert.Equal(["All"], ApiKeyPermissionNames.ToNames(ApiKeyPermissions.All));
        Assert.Equal(ApiKeyPermissions.Deposit, ApiKeyPermissionNames.FromNames(["Deposit", "FutureModule"]));
    }

    [Fact]
    public void Unknown_states_are_kept_not_rejected()
    {
        var status = ApiKeysWireMapper.ToStatus(new ApiKeyWire { ApiId = "1", ApiKey = "k", Status = 1, State = "FROZEN", Permissions = ["Account", "Staking"] });
        Assert.False(status.State.IsKnown);
        Assert.Equal("FROZEN", status.State.ToString());
        Assert.False(status.IsUsable);
        Assert.Equal(ApiKeyPermissions.Account, status.Permissions);
        Assert.Equal(ApiKeyState.Active, new ApiKeyState("active"));
        Assert.True(ApiKeyState.PendingApproval.IsKnown);
    }

    [Fact]
    public void Rest_status_zero_means_usable()
    {
        Assert.True(ApiKeysWireMapper.ToStatus(new ApiKeyWire { Status = 0, State = "ACTIVE" }).IsUsable);
        Assert.False(ApiKeysWireMapper.ToStatus(new ApiKeyWire { Status = 1, State = "PENDING_APPROVAL" }).IsUsable);
    }

    [Fact]
    public async Task Clients_can_be_mocked_with_the_model_factory()
    {
        var client = new FakeClient();
        var status = await client.GetStatusAsync(ApiKeyReference.ById("42"));
        Assert.Equal("42", status.Value.ApiId);
        Assert.True(status.Value.IsUsable);
        Assert.Equal(7, status.UsedWeight1M);
        var keys = new List<ApiKeyInfo>();
        await foreach (var key in client.GetApiKeysAsync())
        {
            keys.Add(key);
        }
        Assert.Equal(["a", "b"], keys.Select(k => k.ApiId));
    }

    private sealed class FakeClient : ApiKeysClient
    {
        public override Task<ApiKeysResponse<ApiKeyStatus>> GetStatusAsync(ApiKeyReference key, CancellationToken cancellationToken = default) =>
            Task.FromResult(ApiKeysModelFactory.Response(ApiKeysModelFactory.ApiKeyStatus(apiId: key.ApiId!), usedWeight1M: 7));

        public override async IAsyncEnumerable<ApiKeyInfo> GetApiKeysAsync(ApiKeyState? state = null,
            [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            yield return ApiKeysModelFactory.ApiKeyInfo(apiId: "a");
            yield return ApiKeysModelFactory.ApiKeyInfo(apiId: "b");
        }
    }
}
