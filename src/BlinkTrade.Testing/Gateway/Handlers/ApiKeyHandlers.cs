using System.Text.Json;
using BlinkTrade.ApiKeys;
using BlinkTrade.Client.Protocol.Serialization;
using BlinkTrade.Testing.Gateway.Dispatch;
using BlinkTrade.Testing.ApiKeys;
using BlinkTrade.Testing.Gateway.Sessions;
using BlinkTrade.Testing.Gateway.Wire;
using Protocol = BlinkTrade.Client.Protocol;

namespace BlinkTrade.Testing.Gateway.Handlers;

/// <summary>API keys over the socket (§2.8): list U50→U51, create U52→U53 (secrets shown once), revoke U54→U55.</summary>
internal static class ApiKeyHandlers
{
    public static ValueTask ListAsync(GatewayServices services, ExchangeSession session, GatewayRequest message, CancellationToken cancellationToken)
    {
        var identity = session.Identity!;
        message.Require("APIKeyListReqID");
        var list = message.Read<Protocol.ApiKeyListRequest>();
        var (page, pageSize) = AccountLists.DirectoryPaging(list);
        var keys = services.ApiKeys.ListActive(new ApiKeyOwner(identity.BrokerId, identity.UserId)).Skip(page * pageSize).Take(pageSize).ToList();
        session.Send(AccountLists.Encode(new Protocol.ApiKeyListResponse
        {
            ApiKeyListGrp = [.. keys.Select(key => new Protocol.ApiKeyListEntry
            {
                APIKey = key.ApiKey,
                Label = key.Label,
                IPWhiteList = key.IpWhiteList,
                PermissionList = ToRecord(key.PermissionList),
                Created = key.CreateTime.UtcDateTime,
                LastUsed = key.LastUsedTime?.UtcDateTime,
            })],
        }, message, page, pageSize));
        return ValueTask.CompletedTask;
    }

    public static async ValueTask CreateAsync(GatewayServices services, ExchangeSession session, GatewayRequest message, CancellationToken cancellationToken)
    {
        var identity = session.Identity!;
        message.Require("APIKeyCreateReqID");
        // Label is required by the record: its absence is reported before the decode. PermissionList and IPWhiteList
        // are validated from their JSON (object or JSON-encoded string, §5 G22) and Revocable as bitex takes a flag.
        message.Require("Label");
        var create = message.Read<Protocol.ApiKeyCreateRequest>("PermissionList", "IPWhiteList", "Revocable");
        var label = create.Label ?? throw GatewayException.MissingTag("Label");
        if (label.Length is 0 or > 15)
        {
            throw GatewayException.InvalidValue("Label", label);
        }
        var permissionList = ReadJson(message, "PermissionList", JsonValueKind.Object) ?? JsonDocument.Parse("{}").RootElement.Clone();
        if (!ApiKeyPermissionMapping.TryValidate(permissionList, out var error))
        {
            throw GatewayException.NotAuthorized(error ?? "PermissionList");
        }
        var ipList = new List<string>();
        if (ReadJson(message, "IPWhiteList", JsonValueKind.Array) is { } ips)
        {
            foreach (var ip in ips.EnumerateArray())
            {
                if (ip.ValueKind != JsonValueKind.String || !System.Net.IPAddress.TryParse(ip.GetString(), out _))
                {
                    throw GatewayException.InvalidValue("IPWhiteList", ip.GetRawText());
                }
                ipList.Add(ip.GetString()!);
            }
        }
        var revocable = message.GetOptionalBoolean("Revocable") ?? true;
        var request = new ApiKeyCreateRequest
        {
            Owner = new ApiKeyOwner(identity.BrokerId, identity.UserId),
            Label = label,
            PermissionList = permissionList,
            IpWhiteList = ipList,
            Revocable = revocable,
            InitialState = ApiKeyLifecycleState.Active, // §4.2: created keys are active (Status 1)
        };
        // Creating a key hashes its API password (PBKDF2): on the bounded hashing threads, like a login's check, so a
        // burst of creates cannot starve the sessions served by the thread pool.
        var issued = await services.PasswordHasher.RunAsync(() => services.ApiKeys.Create(request), cancellationToken).ConfigureAwait(false);
        var entry = issued.Entry;
        session.Send(FrameEncoder.Encode(new Protocol.ApiKeyCreateResponse
        {
            Label = entry.Label,
            APIKey = entry.ApiKey,
            APISecret = new Protocol.SecretString(issued.SecretKey),
            APIPassword = issued.ApiPassword is { } apiPassword ? new Protocol.SecretString(apiPassword) : (Protocol.SecretString?)null,
            PermissionList = ToRecord(entry.PermissionList),
            IPWhiteList = entry.IpWhiteList,
            Status = ApiKeyStatusCodes.ToWebSocketStatus(entry.State),
            Revocable = entry.Revocable,
            Created = entry.CreateTime.UtcDateTime,
        }, message));
    }

    public static ValueTask RevokeAsync(GatewayServices services, ExchangeSession session, GatewayRequest message, CancellationToken cancellationToken)
    {
        var identity = session.Identity!;
        message.Require("APIKeyRevokeReqID");
        message.Require("APIKey"); // required by the record: its absence is reported before the decode
        var apiKey = message.Read<Protocol.ApiKeyRevokeRequest>().APIKey ?? throw GatewayException.MissingTag("APIKey");
        var store = services.ApiKeys;
        var owner = new ApiKeyOwner(identity.BrokerId, identity.UserId);
        var result = store.Revoke(null, apiKey, owner);
        switch (result.Status)
        {
            case ApiKeyOperationStatus.Ok:
                break;
            case ApiKeyOperationStatus.NotRevocable:
                throw new GatewayException(GatewayErrors.ApiKeyNotRevocable, string.Empty);
            default:
                // Someone else's key: Not authorized; no such key: ApiKey is not valid (§2.8).
                throw store.Find(null, apiKey) is null
                    ? new GatewayException(GatewayErrors.ApiKeyNotValid, string.Empty)
                    : GatewayException.NotAuthorized("Not your API key");
        }
        session.Send(FrameEncoder.Encode(new Protocol.ApiKeyRevokeResponse { APIKey = apiKey, Status = ApiKeyStatusCodes.WebSocketInactive }, message));
        return ValueTask.CompletedTask;
    }

    // PermissionList/IPWhiteList may arrive as real JSON or JSON-encoded strings (§5 G22).
    private static JsonElement? ReadJson(GatewayRequest message, string field, JsonValueKind expected)
    {
        if (!message.TryGet(field, out var value))
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.String)
        {
            try
            {
                using var document = JsonDocument.Parse(value.GetString()!);
                value = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                throw GatewayException.InvalidValue(field, value.GetString());
            }
        }
        return value.ValueKind == expected ? value : throw GatewayException.InvalidValue(field, value.GetRawText());
    }

    /// <summary>A stored PermissionList (validated when the key was created) as the protocol's record.</summary>
    internal static Protocol.PermissionList ToRecord(JsonElement permissionList)
        => permissionList.Deserialize(ProtocolJsonContext.Default.PermissionList) ?? new Protocol.PermissionList();
}
