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
[JsonSerializable(typeof(UserBalanceRequest))]
[JsonSerializable(typeof(UserBalanceResponse))]
[JsonSerializable(typeof(PositionRequest))]
[JsonSerializable(typeof(PositionResponse))]
[JsonSerializable(typeof(LedgerListRequest))]
[JsonSerializable(typeof(LedgerListResponse))]
[JsonSerializable(typeof(TradersRankRequest))]
[JsonSerializable(typeof(TradersRankResponse))]
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
[JsonSerializable(typeof(Ticker))]
// Deposits
[JsonSerializable(typeof(DepositRequest))]
[JsonSerializable(typeof(DepositResponse))]
[JsonSerializable(typeof(DepositRefresh))]
[JsonSerializable(typeof(DepositMethodsRequest))]
[JsonSerializable(typeof(DepositMethodsResponse))]
[JsonSerializable(typeof(DepositMethodRequest))]
[JsonSerializable(typeof(DepositMethodResponse))]
[JsonSerializable(typeof(DepositListRequest))]
[JsonSerializable(typeof(DepositListResponse))]
// Withdrawals
[JsonSerializable(typeof(WithdrawRequest))]
[JsonSerializable(typeof(WithdrawResponse))]
[JsonSerializable(typeof(WithdrawRefresh))]
[JsonSerializable(typeof(WithdrawConfirmationRequest))]
[JsonSerializable(typeof(WithdrawConfirmationResponse))]
[JsonSerializable(typeof(WithdrawListRequest))]
[JsonSerializable(typeof(WithdrawListResponse))]
[JsonSerializable(typeof(CancelWithdrawalRequest))]
[JsonSerializable(typeof(CancelWithdrawalResponse))]
[JsonSerializable(typeof(WithdrawCommentRequest))]
[JsonSerializable(typeof(WithdrawCommentResponse))]
// ApiKeys (U50–U55; PermissionList is registered under ApiKeys below)
[JsonSerializable(typeof(ApiKeyListRequest))]
[JsonSerializable(typeof(ApiKeyListResponse))]
[JsonSerializable(typeof(ApiKeyCreateRequest))]
[JsonSerializable(typeof(ApiKeyCreateResponse))]
[JsonSerializable(typeof(ApiKeyRevokeRequest))]
[JsonSerializable(typeof(ApiKeyRevokeResponse))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
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
