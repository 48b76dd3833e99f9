using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// The source-generated System.Text.Json context for every protocol type (no reflection; trimming/AOT safe).
/// Every message record (and any nested type needing its own metadata) is listed here, grouped as in PROTOCOL.md §2.
/// The protocol-wide converters make integers and strings tolerant of what real servers send.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = false,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    AllowTrailingCommas = false,
    MaxDepth = 64,
    Converters =
    [
        typeof(FlexibleInt64Converter),
        typeof(FlexibleInt32Converter),
        typeof(FlexibleStringConverter),
        typeof(WireDateTimeConverter),
        typeof(WireDateConverter),
        typeof(WireTimeConverter),
    ])]
[JsonSerializable(typeof(JsonElement))]
// Session
[JsonSerializable(typeof(UserRequest))]
[JsonSerializable(typeof(UserResponse))]
[JsonSerializable(typeof(Signup))]
[JsonSerializable(typeof(PasswordResetRequest))]
[JsonSerializable(typeof(PasswordResetResponse))]
[JsonSerializable(typeof(ProcessPasswordResetRequest))]
[JsonSerializable(typeof(ProcessPasswordResetResponse))]
[JsonSerializable(typeof(TwoFactorRequest))]
[JsonSerializable(typeof(TwoFactorResponse))]
[JsonSerializable(typeof(Heartbeat))]
[JsonSerializable(typeof(TestRequest))]
[JsonSerializable(typeof(ErrorMessage))]
// Account
// Orders
[JsonSerializable(typeof(NewOrderSingle))]
[JsonSerializable(typeof(ExecutionReport))]
[JsonSerializable(typeof(OrderCancelRequest))]
[JsonSerializable(typeof(OrdersListRequest))]
[JsonSerializable(typeof(OrdersListResponse))]
[JsonSerializable(typeof(TradeHistoryRequest))]
[JsonSerializable(typeof(TradeHistoryResponse))]
// MarketData
[JsonSerializable(typeof(MarketDataRequest))]
[JsonSerializable(typeof(MarketDataFullRefresh))]
[JsonSerializable(typeof(MarketDataIncrementalRefresh))]
[JsonSerializable(typeof(MarketDataRequestReject))]
[JsonSerializable(typeof(SecurityListRequest))]
[JsonSerializable(typeof(SecurityList))]
[JsonSerializable(typeof(SecurityStatusRequest))]
[JsonSerializable(typeof(SecurityStatus))]
// Deposits
// Withdrawals
// Profile
[JsonSerializable(typeof(UpdateProfileRequest))]
[JsonSerializable(typeof(UpdateProfileResponse))]
[JsonSerializable(typeof(ProfileRefresh))]
// Brokers
[JsonSerializable(typeof(BrokerListRequest))]
[JsonSerializable(typeof(BrokerListResponse))]
// ApiKeys
[JsonSerializable(typeof(PermissionList))]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext;
