using System.Text.Json;
using BlinkTrade.ApiKeys;
using BlinkTrade.Testing.Gateway.Dispatch;
using BlinkTrade.Testing.ApiKeys;
using BlinkTrade.Testing.Gateway.Sessions;
using BlinkTrade.Testing.Gateway.Wire;
using Protocol = BlinkTrade.Client.Protocol;

namespace BlinkTrade.Testing.Gateway.Handlers;

/// <summary>API keys over the socket (§2.8): list U50→U51, create U52→U53 (secrets shown once), revoke U54→U55.</summary>
internal static class ApiKeyHandlers
{
    private static readonly string[] Columns = ["APIKey", "Label", "IPWhiteList", "PermissionList", "Created", "LastUsed"];

    public static ValueTask ListAsync(GatewayServices services, ExchangeSession session, GatewayRequest message, CancellationToken cancellationToken)
    {
        var identity = session.Identity!;
        message.Require("APIKeyListReqID");
        var list = message.Read<Protocol.ApiKeyListRequest>();
        var page = list.Page ?? 0;
        var pageSize = list.PageSize ?? 100;
        if (page < 0 || pageSize is < 1 or > 1000)
        {
            throw GatewayException.InvalidParameter("Page/PageSize");
        }
        var keys = services.ApiKeys.ListActive(new ApiKeyOwner(identity.BrokerId, identity.UserId)).Skip(page * pageSize).Take(pageSize).ToList();
        session.Send(Frames.Build("U51", w =>
        {
            w.WriteRequestId(message);
            w.WriteNumber("Page", page);
            w.WriteNumber("PageSize", pageSize);
            w.WriteStartArray("Columns");
            foreach (var column in Columns)
            {
                w.WriteStringValue(column);
            }
            w.WriteEndArray();
            w.WriteStartArray("ApiKeyListGrp");
            foreach (var key in keys)
            {
                w.WriteStartArray();
                w.WriteStringValue(key.ApiKey);
                w.WriteStringValue(key.Label);
                WriteIpList(w, key.IpWhiteList);
                key.PermissionList.WriteTo(w);
                w.WriteStringValue(Frames.FormatDateTime(key.CreateTime));
                if (key.LastUsedTime is { } used)
                {
                    w.WriteStringValue(Frames.FormatDateTime(used));
                }
                else
                {
                    w.WriteNullValue();
                }
                w.WriteEndArray();
            }
            w.WriteEndArray();
        }));
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
        session.Send(Frames.Build("U53", w =>
        {
            w.WriteRequestId(message);
            w.WriteString("Label", entry.Label);
            w.WriteString("APIKey", entry.ApiKey);
            w.WriteString("APISecret", issued.SecretKey);
            w.WriteString("APIPassword", issued.ApiPassword);
            w.WritePropertyName("PermissionList");
            entry.PermissionList.WriteTo(w);
            w.WritePropertyName("IPWhiteList");
            WriteIpList(w, entry.IpWhiteList);
            w.WriteNumber("Status", ApiKeyStatusCodes.ToWebSocketStatus(entry.State));
            w.WriteBoolean("Revocable", entry.Revocable);
            w.WriteString("Created", Frames.FormatDateTime(entry.CreateTime));
            w.WriteNull("LastUsed");
        }));
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

    private static void WriteIpList(Utf8JsonWriter w, IReadOnlyList<string> ips)
    {
        w.WriteStartArray();
        foreach (var ip in ips)
        {
            w.WriteStringValue(ip);
        }
        w.WriteEndArray();
    }
}
