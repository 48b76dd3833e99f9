using System.Collections.Frozen;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Requests;

/// <summary>
/// PROTOCOL.md §1.2, for both sides of the protocol: which field of a request carries its correlation value (the
/// exchange echoes it unchanged, string or number, in the reply and as <c>ReqID</c> in an ERROR), and which field of a
/// response (or publication) carries the correlation value of the request it answers (the client's receive loop reads
/// it straight from the raw frame, so correlation works for every message, typed or not).
/// </summary>
internal static class CorrelationTable
{
    private static readonly FrozenDictionary<string, string[]> s_responseFields = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [MessageTypes.Heartbeat] = ["TestReqID"],
        [MessageTypes.UserResponse] = ["UserReqID"],
        [MessageTypes.PasswordResetResponse] = ["ForgotPasswordReqID"],
        [MessageTypes.ProcessPasswordResetResponse] = ["ResetPasswordReqID"],
        [MessageTypes.TwoFactorResponse] = ["EnableTwoFactorReqID"],
        [MessageTypes.MarketDataFullRefresh] = ["MDReqID"],
        [MessageTypes.MarketDataRequestReject] = ["MDReqID"],
        [MessageTypes.SecurityList] = ["SecurityReqID"],
        [MessageTypes.SecurityStatus] = ["SecurityStatusReqID"],
        // An ER answers a D or F: by the order's ClOrdID, or by OrderID for a cancel by OrderID.
        [MessageTypes.ExecutionReport] = ["ClOrdID", "OrderID"],
        [MessageTypes.BalanceResponse] = ["BalanceReqID"],
        [MessageTypes.OrdersListResponse] = ["OrdersReqID"],
        [MessageTypes.WithdrawResponse] = ["WithdrawReqID"],
        [MessageTypes.DepositResponse] = ["DepositReqID"],
        [MessageTypes.DepositMethodsResponse] = ["DepositMethodReqID"],
        [MessageTypes.DepositMethodResponse] = ["DepositMethodReqID"],
        [MessageTypes.WithdrawConfirmationResponse] = ["WithdrawReqID"],
        [MessageTypes.WithdrawListResponse] = ["WithdrawListReqID"],
        [MessageTypes.BrokerListResponse] = ["BrokerListReqID"],
        [MessageTypes.DepositListResponse] = ["DepositListReqID"],
        [MessageTypes.TradeHistoryResponse] = ["TradeHistoryReqID"],
        [MessageTypes.LedgerListResponse] = ["LedgerListReqID"],
        // G33: engine-2015 echoes the rank request id under DepositListReqID.
        [MessageTypes.TradersRankResponse] = ["TradersRankReqID", "DepositListReqID"],
        [MessageTypes.UpdateProfileResponse] = ["UpdateReqID"],
        [MessageTypes.PositionResponse] = ["PositionReqID"],
        [MessageTypes.ApiKeyListResponse] = ["APIKeyListReqID"],
        [MessageTypes.ApiKeyCreateResponse] = ["APIKeyCreateReqID"],
        [MessageTypes.ApiKeyRevokeResponse] = ["APIKeyRevokeReqID"],
        [MessageTypes.CancelWithdrawalResponse] = ["WithdrawCancelReqID"],
        [MessageTypes.WithdrawCommentResponse] = ["WithdrawReqID"],
        [MessageTypes.Error] = ["ReqID"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> s_requestFields = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [MessageTypes.Heartbeat] = "TestReqID",
        [MessageTypes.TestRequest] = "TestReqID",
        [MessageTypes.UserRequest] = "UserReqID",
        [MessageTypes.Signup] = "UserReqID",
        [MessageTypes.PasswordResetRequest] = "ForgotPasswordReqID",
        [MessageTypes.ProcessPasswordResetRequest] = "ResetPasswordReqID",
        [MessageTypes.TwoFactorRequest] = "EnableTwoFactorReqID",
        [MessageTypes.MarketDataRequest] = "MDReqID",
        [MessageTypes.SecurityListRequest] = "SecurityReqID",
        [MessageTypes.SecurityStatusRequest] = "SecurityStatusReqID",
        [MessageTypes.NewOrderSingle] = "ClOrdID",
        [MessageTypes.OrderCancelRequest] = "ClOrdID",
        [MessageTypes.BalanceRequest] = "BalanceReqID",
        [MessageTypes.OrdersListRequest] = "OrdersReqID",
        [MessageTypes.WithdrawRequest] = "WithdrawReqID",
        [MessageTypes.DepositRequest] = "DepositReqID",
        [MessageTypes.DepositMethodsRequest] = "DepositMethodReqID",
        [MessageTypes.DepositMethodRequest] = "DepositMethodReqID",
        [MessageTypes.WithdrawConfirmationRequest] = "WithdrawReqID",
        [MessageTypes.WithdrawListRequest] = "WithdrawListReqID",
        [MessageTypes.BrokerListRequest] = "BrokerListReqID",
        [MessageTypes.DepositListRequest] = "DepositListReqID",
        [MessageTypes.TradeHistoryRequest] = "TradeHistoryReqID",
        [MessageTypes.LedgerListRequest] = "LedgerListReqID",
        [MessageTypes.TradersRankRequest] = "TradersRankReqID",
        [MessageTypes.UpdateProfileRequest] = "UpdateReqID",
        [MessageTypes.PositionRequest] = "PositionReqID",
        [MessageTypes.ApiKeyListRequest] = "APIKeyListReqID",
        [MessageTypes.ApiKeyCreateRequest] = "APIKeyCreateReqID",
        [MessageTypes.ApiKeyRevokeRequest] = "APIKeyRevokeReqID",
        [MessageTypes.CancelWithdrawalRequest] = "WithdrawCancelReqID",
        [MessageTypes.WithdrawCommentRequest] = "WithdrawReqID",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The correlation field of a request type (the one the exchange echoes), when it has one.</summary>
    public static string? RequestField(string msgType) => s_requestFields.GetValueOrDefault(msgType);

    /// <summary>The correlation fields of a response type, when it has any.</summary>
    public static bool TryGetResponseFields(string msgType, out string[] fields)
        => s_responseFields.TryGetValue(msgType, out fields!);
}
