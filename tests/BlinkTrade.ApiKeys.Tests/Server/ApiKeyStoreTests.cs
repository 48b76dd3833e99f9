using System.Text.Json;
using BlinkTrade.Testing.ApiKeys;
using Microsoft.Extensions.Time.Testing;

namespace BlinkTrade.ApiKeys.Tests.Server;

/// <summary>The domain store that REST serves today and the WebSocket U50–U55 handlers and API-key login will use.</summary>
public sealed class ApiKeyStoreTests
{
    private static readonly ApiKeyOwner Owner = new(5, 100);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private ApiKeyStore NewStore() => new(_clock, new ApiKeyStoreOptions { PasswordHashIterations = 1_000 });

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    [Fact]
    public void Websocket_style_create_returns_all_three_credentials_once_and_is_active()
    {
        var store = NewStore();
        var issued = store.Create(new ApiKeyCreateRequest
        {
            Owner = Owner,
            Label = "bot",
            PermissionList = Json("""{"BF":[],"D":[["Side","eq","1","OrdType","eq","2"]]}"""),
            IpWhiteList = ["203.0.113.7"],
            Revocable = false,
            InitialState = ApiKeyLifecycleState.Active,
        });
        Assert.Matches("^[A-Za-z0-9]{64}$", issued.Entry.ApiKey);
        Assert.Matches("^[A-Za-z0-9]{64}$", issued.SecretKey);
        Assert.Matches("^[A-Za-z0-9]{15}$", issued.ApiPassword!);
        Assert.Equal(ApiKeyLifecycleState.Active, issued.Entry.State);
        Assert.False(issued.Entry.Revocable);
        Assert.Equal("""{"BF":[],"D":[["Side","eq","1","OrdType","eq","2"]]}""", issued.Entry.PermissionList.GetRawText());
        Assert.Equal(ApiKeyPermissions.None, issued.Entry.Permissions);
        Assert.Equal(_clock.GetUtcNow(), issued.Entry.CreateTime);
        Assert.DoesNotContain(issued.SecretKey, issued.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(issued.ApiPassword!, issued.ToString(), StringComparison.Ordinal);
        Assert.Equal(ApiKeyOperationStatus.NotRevocable, store.Revoke(issued.Entry.ApiId, null, Owner).Status);
    }

    [Fact]
    public void Authenticate_by_api_password_checks_password_state_and_ip_and_touches_last_used()
    {
        var store = NewStore();
        var pinned = store.Seed(Owner, ipWhiteList: ["203.0.113.7"]);
        var open = store.Seed(Owner, ApiKeyPermissions.Account);
        Assert.Null(pinned.Entry.LastUsedTime);

        _clock.Advance(TimeSpan.FromMinutes(5));
        var session = store.AuthenticateWithPassword(pinned.Entry.ApiKey, pinned.ApiPassword, "203.0.113.7");
        Assert.NotNull(session);
        Assert.Equal(Owner, session.Owner);
        Assert.Equal(_clock.GetUtcNow(), session.LastUsedTime);
        Assert.Equal(_clock.GetUtcNow(), store.Find(pinned.Entry.ApiId, null)!.LastUsedTime);
        Assert.Equal("""{"*":[]}""", session.PermissionList.GetRawText());

        Assert.Null(store.AuthenticateWithPassword(pinned.Entry.ApiKey, pinned.ApiPassword, "198.51.100.1"));
        Assert.Null(store.AuthenticateWithPassword(pinned.Entry.ApiKey, "wrong-password!", "203.0.113.7"));
        Assert.Null(store.AuthenticateWithPassword(pinned.Entry.ApiKey, pinned.SecretKey, "203.0.113.7"));
        Assert.Null(store.AuthenticateWithPassword(new string('x', 64), pinned.ApiPassword, "203.0.113.7"));
        Assert.NotNull(store.AuthenticateWithPassword(open.Entry.ApiKey, open.ApiPassword, "::ffff:10.0.0.1"));

        store.Revoke(open.Entry.ApiId, null, Owner);
        Assert.Null(store.AuthenticateWithPassword(open.Entry.ApiKey, open.ApiPassword, "10.0.0.1"));

        // A key created over REST (pending) cannot log in until approved; then its APIPassword works.
        var rest = store.Create(new ApiKeyCreateRequest { Owner = Owner, Permissions = ApiKeyPermissions.Account });
        Assert.Null(store.AuthenticateWithPassword(rest.Entry.ApiKey, rest.ApiPassword, "10.0.0.1"));
        store.Approve(rest.Entry.ApiId, null);
        var restSession = store.AuthenticateWithPassword(rest.Entry.ApiKey, rest.ApiPassword, "10.0.0.1");
        Assert.NotNull(restSession);
        Assert.Equal("""{"BF":[],"U2":[],"U4":[],"U32":[],"U34":[]}""", restSession.PermissionList.GetRawText());

        var admin = store.SeedAdmin();
        Assert.Null(store.AuthenticateWithPassword(admin.Entry.ApiKey, admin.ApiPassword, "127.0.0.1"));
    }

    [Fact]
    public void Status_numbering_is_inverse_between_rest_and_websocket()
    {
        foreach (var state in Enum.GetValues<ApiKeyLifecycleState>())
        {
            var usable = state == ApiKeyLifecycleState.Active;
            Assert.Equal(usable ? 0 : 1, ApiKeyStatusCodes.ToRestStatus(state));
            Assert.Equal(usable ? 1 : 0, ApiKeyStatusCodes.ToWebSocketStatus(state));
            Assert.True(ApiKeyStatusCodes.TryParseRestStateName(ApiKeyStatusCodes.ToRestStateName(state).ToLowerInvariant(), out var parsed));
            Assert.Equal(state, parsed);
        }
        Assert.Equal("PENDING_APPROVAL", ApiKeyStatusCodes.ToRestStateName(ApiKeyLifecycleState.PendingApproval));
    }

    [Theory]
    [InlineData(ApiKeyPermissions.All, """{"*":[]}""")]
    [InlineData(ApiKeyPermissions.Account, """{"BF":[],"U2":[],"U4":[],"U32":[],"U34":[]}""")]
    [InlineData(ApiKeyPermissions.Deposit, """{"U18":[],"U19":[],"U30":[]}""")]
    [InlineData(ApiKeyPermissions.Withdraw, """{"U6":[],"U24":[],"U26":[],"U70":[]}""")]
    [InlineData(ApiKeyPermissions.IssueAssets, "{}")]
    public void Modules_map_onto_message_types_and_back(ApiKeyPermissions modules, string permissionList)
    {
        Assert.Equal(permissionList, ApiKeyPermissionMapping.ToPermissionList(modules).GetRawText());
        var back = ApiKeyPermissionMapping.ToModules(Json(permissionList));
        Assert.Equal(modules == ApiKeyPermissions.IssueAssets ? ApiKeyPermissions.None : modules, back);
    }

    [Fact]
    public void Filtered_grants_are_narrower_than_a_module()
    {
        var list = Json("""{"BF":[],"U2":[],"U4":[],"U32":[],"U34":[["Currency","eq","BTC"]],"U18":[],"U19":[],"U30":[]}""");
        Assert.Equal(ApiKeyPermissions.Deposit, ApiKeyPermissionMapping.ToModules(list));
    }

    [Theory]
    [InlineData("""{"BF":[]}""", true)]
    [InlineData("""{"D":[["Side","eq","1","OrdType","eq","2"]]}""", true)]
    [InlineData("""{"*":[]}""", false)]
    [InlineData("""{"U52":[]}""", false)]
    [InlineData("""{"D":[["Side","eq"]]}""", false)]
    [InlineData("""{"D":{}}""", false)]
    [InlineData("""[]""", false)]
    public void Permission_lists_from_the_socket_are_validated(string json, bool valid) =>
        Assert.Equal(valid, ApiKeyPermissionMapping.TryValidate(Json(json), out _));

    [Fact]
    public void Listing_is_per_owner_paged_and_active_only_for_the_socket()
    {
        var store = NewStore();
        var other = new ApiKeyOwner(5, 200);
        var keys = Enumerable.Range(0, 5).Select(i => store.Seed(Owner, label: $"k{i}")).ToArray();
        store.Seed(other);
        store.SeedAdmin();
        store.Revoke(keys[1].Entry.ApiId, null, Owner);
        store.Create(new ApiKeyCreateRequest { Owner = Owner });

        var page2 = store.List(Owner, null, 2, 2);
        Assert.Equal(6, page2.Total);
        Assert.Equal([keys[2].Entry.ApiId, keys[3].Entry.ApiId], page2.Rows.Select(r => r.ApiId));
        Assert.Equal(4, store.ListActive(Owner).Count);
        Assert.Single(store.List(Owner, ApiKeyLifecycleState.PendingApproval, 1, 10).Rows);
        Assert.Null(store.Find(keys[0].Entry.ApiId, null, other));
        Assert.Equal(ApiKeyOperationStatus.NotFound, store.Revoke(keys[0].Entry.ApiId, null, other).Status);
        Assert.Equal(ApiKeyOperationStatus.NotFound, store.RegenerateSecret(null, keys[0].Entry.ApiKey, other).Status);

        // Ids are unique and never reused.
        var ids = store.List(Owner, null, 1, 100).Rows.Select(r => r.ApiId).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Regenerating_replaces_the_secret_and_keeps_the_password()
    {
        var store = NewStore();
        var key = store.Seed(Owner);
        var result = store.RegenerateSecret(key.Entry.ApiId, null, Owner);
        Assert.True(result.Succeeded);
        Assert.NotEqual(key.SecretKey, result.Issued!.SecretKey);
        Assert.False(store.VerifySignature(key.Entry.ApiKey, "a=1", ApiKeysSignature.Compute(key.SecretKey, "a=1")));
        Assert.True(store.VerifySignature(key.Entry.ApiKey, "a=1", ApiKeysSignature.Compute(result.Issued.SecretKey, "a=1")));
        Assert.NotNull(store.AuthenticateWithPassword(key.Entry.ApiKey, key.ApiPassword, "127.0.0.1"));
        Assert.DoesNotContain(result.Issued.SecretKey, result.ToString(), StringComparison.Ordinal);

        store.Revoke(key.Entry.ApiId, null, Owner);
        Assert.Equal(ApiKeyOperationStatus.InvalidTransition, store.RegenerateSecret(key.Entry.ApiId, null, Owner).Status);
        Assert.Equal(ApiKeyOperationStatus.Ok, store.Revoke(key.Entry.ApiId, null, Owner).Status);
    }

    [Fact]
    public void Seeding_with_fixed_credentials_and_bad_input()
    {
        var store = NewStore();
        var fixedKey = new string('a', 64);
        var seeded = store.Seed(Owner, apiKey: fixedKey, secretKey: "known-secret", apiPassword: "known-password");
        Assert.Equal(fixedKey, seeded.Entry.ApiKey);
        Assert.True(store.VerifySignature(fixedKey, "x", ApiKeysSignature.Compute("known-secret", "x")));
        Assert.NotNull(store.AuthenticateWithPassword(fixedKey, "known-password", "127.0.0.1"));
        Assert.Throws<ArgumentException>(() => store.Seed(Owner, apiKey: fixedKey));
        Assert.Throws<ArgumentException>(() => store.Seed(Owner, apiKey: "short"));
        Assert.Throws<ArgumentException>(() => store.Seed(Owner, ipWhiteList: ["nope"]));
    }

    [Fact]
    public async Task The_store_is_thread_safe()
    {
        var store = NewStore();
        var tasks = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 50; i++)
            {
                var key = store.Create(new ApiKeyCreateRequest { Owner = Owner });
                store.Approve(key.Entry.ApiId, null);
                store.Touch(key.Entry.ApiKey);
                store.List(Owner, null, 1, 10);
            }
        }));
        await Task.WhenAll(tasks);
        Assert.Equal(400, store.ListActive(Owner).Count);
    }
}
