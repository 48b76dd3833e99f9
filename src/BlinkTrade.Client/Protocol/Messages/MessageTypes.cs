namespace BlinkTrade.Client.Protocol;

/// <summary>The wire <c>MsgType</c> of every client-facing message (PROTOCOL.md §2.0).</summary>
public static class MessageTypes
{
#pragma warning disable CS1591 // The names are the documentation; see PROTOCOL.md §2 for each message.
    // Session
    public const string Heartbeat = "0";
    public const string TestRequest = "1";
    public const string UserRequest = "BE";
    public const string UserResponse = "BF";
    public const string Signup = "U0";
    public const string PasswordResetRequest = "U10";
    public const string PasswordResetResponse = "U11";
    public const string ProcessPasswordResetRequest = "U12";
    public const string ProcessPasswordResetResponse = "U13";
    public const string TwoFactorRequest = "U16";
    public const string TwoFactorResponse = "U17";
    public const string Error = "ERROR";

    // Account
    public const string BalanceRequest = "U2";
    public const string BalanceResponse = "U3";
    public const string LedgerListRequest = "U34";
    public const string LedgerListResponse = "U35";
    public const string TradersRankRequest = "U36";
    public const string TradersRankResponse = "U37";
    public const string PositionRequest = "U42";
    public const string PositionResponse = "U43";

    // Orders
    public const string NewOrderSingle = "D";
    public const string OrderCancelRequest = "F";
    public const string ExecutionReport = "8";
    public const string OrdersListRequest = "U4";
    public const string OrdersListResponse = "U5";
    public const string TradeHistoryRequest = "U32";
    public const string TradeHistoryResponse = "U33";

    // Market data
    public const string MarketDataRequest = "V";
    public const string MarketDataFullRefresh = "W";
    public const string MarketDataIncrementalRefresh = "X";
    public const string MarketDataRequestReject = "Y";
    public const string SecurityListRequest = "x";
    public const string SecurityList = "y";
    public const string SecurityStatusRequest = "e";
    public const string SecurityStatus = "f";

    // Deposits
    public const string DepositRequest = "U18";
    public const string DepositResponse = "U19";
    public const string DepositMethodsRequest = "U20";
    public const string DepositMethodsResponse = "U21";
    public const string DepositRefresh = "U23";
    public const string DepositListRequest = "U30";
    public const string DepositListResponse = "U31";
    public const string DepositMethodRequest = "U48";
    public const string DepositMethodResponse = "U49";

    // Withdrawals
    public const string WithdrawRequest = "U6";
    public const string WithdrawResponse = "U7";
    public const string WithdrawRefresh = "U9";
    public const string WithdrawConfirmationRequest = "U24";
    public const string WithdrawConfirmationResponse = "U25";
    public const string WithdrawListRequest = "U26";
    public const string WithdrawListResponse = "U27";
    public const string CancelWithdrawalRequest = "U70";
    public const string CancelWithdrawalResponse = "U71";
    public const string WithdrawCommentRequest = "U78";
    public const string WithdrawCommentResponse = "U79";

    // Profile
    public const string UpdateProfileRequest = "U38";
    public const string UpdateProfileResponse = "U39";
    public const string ProfileRefresh = "U40";

    // Brokers
    public const string BrokerListRequest = "U28";
    public const string BrokerListResponse = "U29";

    // API keys
    public const string ApiKeyListRequest = "U50";
    public const string ApiKeyListResponse = "U51";
    public const string ApiKeyCreateRequest = "U52";
    public const string ApiKeyCreateResponse = "U53";
    public const string ApiKeyRevokeRequest = "U54";
    public const string ApiKeyRevokeResponse = "U55";
#pragma warning restore CS1591
}
