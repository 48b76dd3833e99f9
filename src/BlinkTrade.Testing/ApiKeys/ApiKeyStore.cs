using System.Globalization;
using System.Net;
using System.Text.Json;
using BlinkTrade.ApiKeys;

namespace BlinkTrade.Testing.ApiKeys;

/// <summary>
/// The reference exchange's API keys: one thread-safe store behind both the REST endpoints and the WebSocket
/// U50–U55 messages. Secrets stay inside: callers verify signatures and passwords through the store.
/// </summary>
public sealed class ApiKeyStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, StoredApiKey> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredApiKey> _byKey = new(StringComparer.Ordinal);
    private readonly List<StoredApiKey> _ordered = [];
    private readonly TimeProvider _timeProvider;
    private readonly ApiKeyStoreOptions _options;
    private long _nextId;

    /// <summary>Creates an empty store.</summary>
    /// <param name="timeProvider">The clock for create/last-used times; the system clock when omitted.</param>
    /// <param name="options">Settings; defaults when omitted.</param>
    public ApiKeyStore(TimeProvider? timeProvider = null, ApiKeyStoreOptions? options = null)
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
        _options = options ?? new ApiKeyStoreOptions();
        _nextId = _options.FirstApiId;
    }

    /// <summary>The clock the store uses.</summary>
    public TimeProvider TimeProvider => _timeProvider;

    /// <summary>Creates a key; returns it with its secret and APIPassword, which are never shown again.</summary>
    /// <param name="request">What the key grants and its first state.</param>
    /// <returns>The key and its one-time credentials.</returns>
    /// <exception cref="ArgumentException">An IP in the whitelist does not parse, or the PermissionList is not an object.</exception>
    internal IssuedApiKey Create(ApiKeyCreateRequest request) => CreateCore(request, null, null, null);

    /// <summary>
    /// Seeds an ACTIVE customer key (test set-up), optionally with fixed credentials so tests can sign with known values.
    /// </summary>
    /// <param name="owner">The owning account.</param>
    /// <param name="permissions">The REST modules (default All, which the reference exchange requires to manage keys).</param>
    /// <param name="label">The label.</param>
    /// <param name="apiKey">A fixed 64-character key, or null for a random one.</param>
    /// <param name="secretKey">A fixed secret, or null for a random one.</param>
    /// <param name="apiPassword">A fixed APIPassword, or null for a random one.</param>
    /// <param name="ipWhiteList">Allowed IPs.</param>
    /// <returns>The key and its credentials.</returns>
    public IssuedApiKey Seed(ApiKeyOwner owner, ApiKeyPermissions permissions = ApiKeyPermissions.All, string label = "seed",
        string? apiKey = null, string? secretKey = null, string? apiPassword = null, IReadOnlyList<string>? ipWhiteList = null) =>
        CreateCore(new ApiKeyCreateRequest
        {
            Owner = owner,
            Label = label,
            Permissions = permissions,
            IpWhiteList = ipWhiteList ?? [],
            InitialState = ApiKeyLifecycleState.Active,
        }, apiKey, secretKey, apiPassword);

    /// <summary>Seeds an ACTIVE platform administration key (approval endpoints only).</summary>
    /// <param name="apiKey">A fixed key, or null.</param>
    /// <param name="secretKey">A fixed secret, or null.</param>
    /// <returns>The key and its credentials.</returns>
    public IssuedApiKey SeedAdmin(string? apiKey = null, string? secretKey = null) =>
        CreateCore(new ApiKeyCreateRequest
        {
            Owner = ApiKeyOwner.Platform,
            Label = "platform-admin",
            Permissions = ApiKeyPermissions.None,
            PermissionList = JsonSerializer.SerializeToElement(new System.Text.Json.Nodes.JsonObject(), ApiKeysStoreJsonContext.Default.JsonObject),
            InitialState = ApiKeyLifecycleState.Active,
            IsAdmin = true,
            Revocable = false,
        }, apiKey, secretKey, null);

    /// <summary>Finds a key by id and/or key string; when both are given they must name the same key.</summary>
    /// <param name="apiId">The id, or null.</param>
    /// <param name="apiKey">The key string, or null.</param>
    /// <param name="owner">When given, another owner's key reads as not found.</param>
    /// <returns>The key, or null.</returns>
    public ApiKeyEntry? Find(string? apiId, string? apiKey, ApiKeyOwner? owner = null)
    {
        lock (_gate)
        {
            return Lookup(apiId, apiKey, owner)?.Snapshot();
        }
    }

    /// <summary>Pages through an owner's keys, oldest first.</summary>
    /// <param name="owner">The owner.</param>
    /// <param name="state">Only this state, when given.</param>
    /// <param name="page">1-based page.</param>
    /// <param name="pageSize">Rows per page (at least 1).</param>
    /// <returns>The total and the page's rows.</returns>
    public ApiKeyListResult List(ApiKeyOwner owner, ApiKeyLifecycleState? state, int page, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        lock (_gate)
        {
            var matching = _ordered.Where(k => k.Owner == owner && !k.IsAdmin && (state is null || k.State == state)).ToList();
            var rows = matching.Skip((int)Math.Min(int.MaxValue, (long)(page - 1) * pageSize)).Take(pageSize).Select(k => k.Snapshot()).ToArray();
            return new ApiKeyListResult(matching.Count, rows);
        }
    }

    /// <summary>An owner's usable keys, oldest first (what U51 lists: "only active keys").</summary>
    /// <param name="owner">The owner.</param>
    /// <returns>The keys.</returns>
    public IReadOnlyList<ApiKeyEntry> ListActive(ApiKeyOwner owner)
    {
        lock (_gate)
        {
            return _ordered.Where(k => k.Owner == owner && !k.IsAdmin && k.State == ApiKeyLifecycleState.Active).Select(k => k.Snapshot()).ToArray();
        }
    }

    /// <summary>Revokes a key (irreversible; repeating it is harmless).</summary>
    /// <param name="apiId">The id, or null.</param>
    /// <param name="apiKey">The key string, or null.</param>
    /// <param name="owner">When given, only this owner's keys.</param>
    /// <returns>Ok, NotFound or NotRevocable.</returns>
    public ApiKeyOperationResult Revoke(string? apiId, string? apiKey, ApiKeyOwner? owner = null)
    {
        lock (_gate)
        {
            var key = Lookup(apiId, apiKey, owner);
            if (key is null)
            {
                return new ApiKeyOperationResult(ApiKeyOperationStatus.NotFound, null);
            }
            if (!key.Revocable)
            {
                return new ApiKeyOperationResult(ApiKeyOperationStatus.NotRevocable, key.Snapshot());
            }
            key.State = ApiKeyLifecycleState.Revoked;
            return new ApiKeyOperationResult(ApiKeyOperationStatus.Ok, key.Snapshot());
        }
    }

    /// <summary>Replaces a key's secret; the old one fails at once. Not allowed for revoked or rejected keys.</summary>
    /// <param name="apiId">The id, or null.</param>
    /// <param name="apiKey">The key string, or null.</param>
    /// <param name="owner">When given, only this owner's keys.</param>
    /// <returns>The outcome; <see cref="ApiKeyOperationResult.Issued"/> holds the new secret.</returns>
    public ApiKeyOperationResult RegenerateSecret(string? apiId, string? apiKey, ApiKeyOwner? owner = null)
    {
        lock (_gate)
        {
            var key = Lookup(apiId, apiKey, owner);
            if (key is null)
            {
                return new ApiKeyOperationResult(ApiKeyOperationStatus.NotFound, null);
            }
            if (key.State is ApiKeyLifecycleState.Revoked or ApiKeyLifecycleState.Rejected)
            {
                return new ApiKeyOperationResult(ApiKeyOperationStatus.InvalidTransition, key.Snapshot());
            }
            key.SecretKey = ApiKeyCredentialGenerator.NewSecretKey();
            var entry = key.Snapshot();
            return new ApiKeyOperationResult(ApiKeyOperationStatus.Ok, entry, new IssuedApiKey(entry, key.SecretKey, null));
        }
    }

    /// <summary>Approves a pending key (→ Active), optionally replacing its permissions.</summary>
    /// <param name="apiId">The id, or null.</param>
    /// <param name="apiKey">The key string, or null.</param>
    /// <param name="permissions">New REST modules (the PermissionList follows), or null to keep the requested ones.</param>
    /// <returns>The outcome.</returns>
    public ApiKeyOperationResult Approve(string? apiId, string? apiKey, ApiKeyPermissions? permissions = null) =>
        Transition(apiId, apiKey, ApiKeyLifecycleState.PendingApproval, ApiKeyLifecycleState.Active, permissions);

    /// <summary>Rejects a pending key (→ Rejected).</summary>
    /// <param name="apiId">The id, or null.</param>
    /// <param name="apiKey">The key string, or null.</param>
    /// <returns>The outcome.</returns>
    public ApiKeyOperationResult Reject(string? apiId, string? apiKey) =>
        Transition(apiId, apiKey, ApiKeyLifecycleState.PendingApproval, ApiKeyLifecycleState.Rejected, null);

    /// <summary>Suspends an active key (→ Disabled).</summary>
    /// <param name="apiId">The id, or null.</param>
    /// <param name="apiKey">The key string, or null.</param>
    /// <returns>The outcome.</returns>
    public ApiKeyOperationResult Disable(string? apiId, string? apiKey) =>
        Transition(apiId, apiKey, ApiKeyLifecycleState.Active, ApiKeyLifecycleState.Disabled, null);

    /// <summary>Re-activates a disabled key (→ Active).</summary>
    /// <param name="apiId">The id, or null.</param>
    /// <param name="apiKey">The key string, or null.</param>
    /// <returns>The outcome.</returns>
    public ApiKeyOperationResult Enable(string? apiId, string? apiKey) =>
        Transition(apiId, apiKey, ApiKeyLifecycleState.Disabled, ApiKeyLifecycleState.Active, null);

    /// <summary>Checks a REST signature with the key's current secret, in constant time.</summary>
    /// <param name="apiKey">The key string.</param>
    /// <param name="payload">Raw query (without <c>signature</c>) followed by the raw body.</param>
    /// <param name="signature">The received hex signature.</param>
    /// <returns>Whether the key exists and the signature matches.</returns>
    public bool VerifySignature(string apiKey, string payload, string? signature)
    {
        string secret;
        lock (_gate)
        {
            if (!_byKey.TryGetValue(apiKey, out var key))
            {
                return false;
            }
            secret = key.SecretKey;
        }
        return ApiKeysSignature.Verify(secret, payload, signature);
    }

    /// <summary>
    /// WebSocket API-key login (<c>BE</c> with <c>Username = APIKey</c>, <c>Password = APIPassword</c>, PROTOCOL.md §4.3):
    /// the key must exist and be usable, the password must match (constant-time) and a non-empty whitelist must contain
    /// <paramref name="clientIp"/>. On success <see cref="ApiKeyEntry.LastUsedTime"/> is updated.
    /// </summary>
    /// <param name="apiKey">The key string.</param>
    /// <param name="apiPassword">The APIPassword.</param>
    /// <param name="clientIp">The caller's address.</param>
    /// <returns>The key (with its owner and PermissionList), or null for any failure — reasons are not distinguished.</returns>
    public ApiKeyEntry? AuthenticateWithPassword(string? apiKey, string? apiPassword, string? clientIp)
    {
        StoredApiKey? key;
        lock (_gate)
        {
            if (apiKey is null || !_byKey.TryGetValue(apiKey, out key))
            {
                return null;
            }
        }
        // The slow hash runs outside the lock so concurrent logins do not serialize on it.
        var passwordOk = key.PasswordHash.Verify(apiPassword);
        lock (_gate)
        {
            var entry = key.Snapshot();
            if (!passwordOk || !entry.IsUsable || entry.IsAdmin || !entry.AllowsIp(clientIp))
            {
                return null;
            }
            key.LastUsedTime = _timeProvider.GetUtcNow();
            return key.Snapshot();
        }
    }

    /// <summary>Records that a key authenticated a request now.</summary>
    /// <param name="apiKey">The key string.</param>
    /// <returns>The updated key, or null when unknown.</returns>
    public ApiKeyEntry? Touch(string apiKey)
    {
        lock (_gate)
        {
            if (!_byKey.TryGetValue(apiKey, out var key))
            {
                return null;
            }
            key.LastUsedTime = _timeProvider.GetUtcNow();
            return key.Snapshot();
        }
    }

    private IssuedApiKey CreateCore(ApiKeyCreateRequest request, string? fixedKey, string? fixedSecret, string? fixedPassword)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var ip in request.IpWhiteList)
        {
            if (!IPAddress.TryParse(ip, out _))
            {
                throw new ArgumentException($"'{ip}' is not an IP address.", nameof(request));
            }
        }
        if (request.PermissionList is { ValueKind: not JsonValueKind.Object })
        {
            throw new ArgumentException("PermissionList must be a JSON object.", nameof(request));
        }
        if (fixedKey is not null && !ApiKeyCredentialGenerator.IsWellFormedApiKey(fixedKey))
        {
            throw new ArgumentException("An API key is 64 characters [A-Za-z0-9].", nameof(fixedKey));
        }

        var permissions = request.Permissions
            ?? (request.PermissionList is { } pl ? ApiKeyPermissionMapping.ToModules(pl) : ApiKeyPermissions.All);
        var permissionList = request.PermissionList?.Clone() ?? ApiKeyPermissionMapping.ToPermissionList(permissions);
        var secret = fixedSecret ?? ApiKeyCredentialGenerator.NewSecretKey();
        var password = fixedPassword ?? ApiKeyCredentialGenerator.NewApiPassword();
        var hash = Users.PasswordHash.Create(password, _options.PasswordHashIterations);

        lock (_gate)
        {
            var apiKey = fixedKey ?? ApiKeyCredentialGenerator.NewApiKey();
            while (fixedKey is null && _byKey.ContainsKey(apiKey))
            {
                apiKey = ApiKeyCredentialGenerator.NewApiKey();
            }
            if (_byKey.ContainsKey(apiKey))
            {
                throw new ArgumentException("That API key already exists.", nameof(fixedKey));
            }
            var stored = new StoredApiKey
            {
                ApiId = (_nextId++).ToString(CultureInfo.InvariantCulture),
                ApiKey = apiKey,
                Owner = request.Owner,
                Label = request.Label,
                Permissions = permissions,
                PermissionList = permissionList,
                IpWhiteList = request.IpWhiteList.ToArray(),
                Revocable = request.Revocable,
                IsAdmin = request.IsAdmin,
                State = request.InitialState,
                CreateTime = _timeProvider.GetUtcNow(),
                SecretKey = secret,
                PasswordHash = hash,
            };
            _byId.Add(stored.ApiId, stored);
            _byKey.Add(stored.ApiKey, stored);
            _ordered.Add(stored);
            return new IssuedApiKey(stored.Snapshot(), secret, password);
        }
    }

    private ApiKeyOperationResult Transition(string? apiId, string? apiKey, ApiKeyLifecycleState from, ApiKeyLifecycleState to, ApiKeyPermissions? permissions)
    {
        lock (_gate)
        {
            var key = Lookup(apiId, apiKey, null);
            if (key is null || key.IsAdmin)
            {
                return new ApiKeyOperationResult(ApiKeyOperationStatus.NotFound, null);
            }
            if (key.State != from)
            {
                return new ApiKeyOperationResult(ApiKeyOperationStatus.InvalidTransition, key.Snapshot());
            }
            key.State = to;
            if (permissions is { } p)
            {
                key.Permissions = p;
                key.PermissionList = ApiKeyPermissionMapping.ToPermissionList(p);
            }
            return new ApiKeyOperationResult(ApiKeyOperationStatus.Ok, key.Snapshot());
        }
    }

    // Called under _gate.
    private StoredApiKey? Lookup(string? apiId, string? apiKey, ApiKeyOwner? owner)
    {
        StoredApiKey? byId = null;
        StoredApiKey? byKey = null;
        if (apiId is not null && !_byId.TryGetValue(apiId, out byId))
        {
            return null;
        }
        if (apiKey is not null && !_byKey.TryGetValue(apiKey, out byKey))
        {
            return null;
        }
        var key = byId ?? byKey;
        if (key is null || (byId is not null && byKey is not null && !ReferenceEquals(byId, byKey)))
        {
            return null;
        }
        // Another owner's key looks exactly like an unknown one.
        return owner is { } o && key.Owner != o ? null : key;
    }
}
